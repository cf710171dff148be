'use client';

import { useState, type ComponentProps } from 'react';
import { Field } from './field';

type Props = Omit<ComponentProps<typeof Field>, 'value' | 'defaultValue' | 'limit'> & { limit: number; defaultValue?: string };

/**
 * A Field that holds its own text (starting from `defaultValue`): React resets a form after its action runs, and
 * for a rename or a profile name the text must stay what the user typed, refused or saved.
 */
export function CountedInput({ defaultValue = '', onChange, ...field }: Props) {
  const [value, setValue] = useState(defaultValue);
  return (
    <Field
      {...field}
      value={value}
      onChange={(event) => {
        setValue(event.target.value);
        onChange?.(event);
      }}
    />
  );
}
