export function Logo({ className = "h-7 w-7" }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true">
      <rect width="32" height="32" rx="8" fill="#1f63db" />
      <path d="M8 10h9a5 5 0 0 1 0 10h-3" stroke="#fff" strokeWidth="2.6" fill="none" strokeLinecap="round" />
      <path d="M24 22h-9a5 5 0 0 1 0-10h3" stroke="#9cc3ff" strokeWidth="2.6" fill="none" strokeLinecap="round" />
    </svg>
  );
}
