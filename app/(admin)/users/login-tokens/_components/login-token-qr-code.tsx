"use client";

import QRCode from "qrcode";
import { useEffect, useState } from "react";
import { Skeleton } from "@/components/ui/skeleton";

/** The login link as a QR code (SVG, drawn in the browser), for opening it on a phone. */
export function LoginTokenQrCode({ url, size = 176 }: { url: string; size?: number }) {
  const [svg, setSvg] = useState<{ url: string; src: string } | null>(null);

  useEffect(() => {
    let cancelled = false;
    QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 1 }).then((markup) => {
      if (!cancelled) setSvg({ url, src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}` });
    });
    return () => {
      cancelled = true;
    };
  }, [url]);

  if (svg?.url !== url) return <Skeleton className="shrink-0" style={{ width: size, height: size }} />;
  // eslint-disable-next-line @next/next/no-img-element -- a data URL made here; next/image has nothing to optimise
  return <img src={svg.src} width={size} height={size} alt="QR code of the login link" className="shrink-0 rounded-md border bg-white p-1" />;
}
