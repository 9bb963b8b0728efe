import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center px-6 text-center">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">Page not found</h1>
      <p className="mt-2 text-sm text-slate-600">It doesn&apos;t exist, or you don&apos;t have access to it.</p>
      <Link href="/" className="mt-6 text-sm font-medium text-brand-600 hover:text-brand-700">Go to your organisation</Link>
    </main>
  );
}
