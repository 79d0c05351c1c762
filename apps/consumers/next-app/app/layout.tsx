import '@tidings/components/styles.css';
import type { ReactNode } from 'react';

export const metadata = { title: 'Tidings in Next.js', icons: { icon: 'data:,' } };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
