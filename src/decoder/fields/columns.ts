// The summary columns `fields -e` can print as Wireshark names them (_ws.col.*), by column key.
export const COLUMN_FIELDS: Readonly<Record<string, string>> = {
  '_ws.col.No.': 'number',
  '_ws.col.Time': 'time',
  '_ws.col.Source': 'source',
  '_ws.col.Destination': 'destination',
  '_ws.col.Protocol': 'protocol',
  '_ws.col.Length': 'length',
  '_ws.col.Info': 'info',
};
