/** Where each calendar app takes a subscription URL (their menus as of late 2026). */
export function SubscribeHelp() {
  return (
    <section aria-labelledby="subscribe-help" className="flex flex-col gap-2 text-sm">
      <h2 id="subscribe-help" className="text-lg font-semibold">
        Add it to your calendar
      </h2>
      <ul className="flex list-disc flex-col gap-2 pl-5 text-zinc-300">
        <li>
          <strong>Google Calendar</strong> (on a computer): Other calendars → + → <em>From URL</em>, paste the link, Add
          calendar. It then shows on your phone too.
        </li>
        <li>
          <strong>Apple Calendar</strong>: File → <em>New Calendar Subscription</em> on a Mac; on iPhone, Settings →
          Calendar → Accounts → Add Account → Other → <em>Add Subscribed Calendar</em>.
        </li>
        <li>
          <strong>Outlook</strong>: Add calendar → <em>Subscribe from web</em>, paste the link, Import.
        </li>
      </ul>
      <p className="text-zinc-400">Each app decides how often it checks for changes: from a few minutes to about a day.</p>
    </section>
  );
}
