import Link from "next/link";

export function Card({ children, className = "" }: { children: React.ReactNode; className?: string }) {
  return <section className={`rounded-xl border border-line bg-surface shadow-sm ${className}`}>{children}</section>;
}

export function CardHeader({ title, description, id }: { title: string; description?: string; id?: string }) {
  return (
    <div className="border-b border-line px-5 py-4">
      <h2 id={id} className="text-base font-semibold">
        {title}
      </h2>
      {description ? <p className="mt-0.5 text-sm text-muted">{description}</p> : null}
    </div>
  );
}

/**
 * A figure with its label. With `href`, the whole card leads to the records
 * behind the figure; `definition` says what is counted (on hover, and to
 * screen readers with the link).
 */
export function Stat({
  label,
  value,
  detail,
  href,
  definition,
}: {
  label: string;
  value: React.ReactNode;
  detail?: React.ReactNode;
  href?: string;
  definition?: string;
}) {
  const body = (
    <>
      <p className="text-sm font-medium text-muted" title={definition}>
        {label}
      </p>
      <div className="mt-2 text-3xl font-semibold tracking-tight tabular-nums">{value}</div>
      {detail ? <div className="mt-1 text-sm text-muted">{detail}</div> : null}
      {definition ? <span className="sr-only">{definition}</span> : null}
    </>
  );
  return (
    <Card className={href ? "transition-colors hover:border-field" : "px-5 py-4"}>
      {href ? (
        <Link href={href} className="block rounded-xl px-5 py-4 focus-visible:outline-2 focus-visible:outline-offset-2">
          {body}
        </Link>
      ) : (
        body
      )}
    </Card>
  );
}

export function PageHeader({ title, description, children }: { title: string; description?: string; children?: React.ReactNode }) {
  return (
    <div className="mb-8 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {description ? <p className="mt-1 max-w-3xl text-muted">{description}</p> : null}
      </div>
      {children}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="rounded-xl border border-dashed border-field px-6 py-12 text-center">
      <p className="font-medium">{title}</p>
      {children ? <div className="mt-1 text-sm text-muted">{children}</div> : null}
    </div>
  );
}
