// What a request/response protocol layer (DNS, ICMP echo, HTTP) tells the
// session about a message, and what the session answers once the analysis has
// paired requests with responses. Layers and the analysis share these shapes,
// so they live here, below the analysis.

export interface TransactionNote {
  /** DNS transaction id, or ICMP echo identifier and sequence number, with the conversation. */
  key: string;
  request: boolean;
  /**
   * HTTP/1.x has no id. As tshark 4.0, a response takes the latest request of
   * its key if that one is unanswered; requests and responses share one
   * numbering per key, and a response with no request to take gets a number
   * of its own.
   */
  inOrder?: boolean;
  /** Kept with a request and handed to its response (HTTP: the full request URI). */
  about?: string;
  /** Noted, so that it is answered as unmatched, but never paired (tshark pairs no ICMP echo with a bad checksum). */
  unmatchable?: boolean;
}

export interface TransactionMatch {
  /** On a request: the frame of its response (0 when none was captured). */
  responseIn: number;
  /** On a response: the frame of its request (0 when none was captured). */
  requestIn: number;
  /** On a response: nanoseconds since its request. */
  deltaNs: number;
  /** In-order protocols: the request/response pair's number on its connection, from 1. */
  number?: number;
  /** On a response: what its request noted (`about`). */
  about?: string;
}
