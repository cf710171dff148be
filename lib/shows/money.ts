/** 25050 cents in EUR → '€250.50'; without a currency, the plain amount. */
export function formatFee(cents: number, currency: string | null): string {
  const amount = cents / 100;
  if (!currency) return amount.toFixed(cents % 100 ? 2 : 0);
  try {
    return new Intl.NumberFormat('en-GB', { style: 'currency', currency, maximumFractionDigits: cents % 100 ? 2 : 0 }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}

/** Cents → what the fee field shows ('250.50', '250'), the inverse of the form's parsing. */
export function feeInput(cents: number | null): string {
  if (cents === null) return '';
  return cents % 100 ? (cents / 100).toFixed(2) : String(cents / 100);
}
