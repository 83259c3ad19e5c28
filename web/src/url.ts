// Query strings that stay readable: "node=1841/HO&kategori=a,b" rather than "%2F" and "%2C",
// so a URL can be read, shared and typed (CONTRACT.md writes them that way).
export function readableSearch(params: URLSearchParams): string {
  const text = params.toString().replace(/%2F/gi, "/").replace(/%2C/gi, ",");
  return text ? `?${text}` : "";
}
