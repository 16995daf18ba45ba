import QRCode from "qrcode";

/** The otpauth:// address as a QR code, drawn on the server (no script, nothing sent to a third party). */
export async function TwoFactorQrCode({ uri }: { uri: string }) {
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2, color: { dark: "#000000", light: "#ffffff" } });
  return (
    // eslint-disable-next-line @next/next/no-img-element -- an inline data: SVG; next/image has nothing to optimise
    <img
      src={`data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`}
      alt="QR code for your authenticator app"
      width={200}
      height={200}
      className="h-[200px] w-[200px] rounded border border-neutral-300 bg-white"
    />
  );
}
