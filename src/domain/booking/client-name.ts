/** A client's name as every list, manifest, message and change text shows it: first name, then surname. */
export function clientName(client: { readonly firstName: string; readonly lastName: string }): string {
  return `${client.firstName} ${client.lastName}`;
}
