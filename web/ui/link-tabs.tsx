import { Link } from 'react-router';

export interface LinkTab {
  /** Compared with `current` to mark the page being shown. */
  key: string;
  to: string;
  label: string;
}

/** Tabs that are links (each a filter of the same list, kept in the URL); the current one carries aria-current. */
export function LinkTabs({ label, tabs, current }: { label: string; tabs: LinkTab[]; current: string }) {
  return (
    <nav aria-label={label} className="mb-6 border-b-2 border-primary">
      <ul className="flex flex-wrap gap-1">
        {tabs.map((tab) => {
          const active = tab.key === current;
          return (
            <li key={tab.key}>
              <Link
                to={tab.to}
                aria-current={active ? 'page' : undefined}
                className={`block rounded-t-lg border-2 border-b-0 px-4 py-2 font-bold no-underline ${
                  active
                    ? 'border-primary bg-primary text-white hover:text-white'
                    : 'border-line-soft bg-surface text-primary hover:bg-primary-soft'
                }`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
