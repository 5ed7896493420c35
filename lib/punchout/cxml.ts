import "server-only";
import { randomUUID } from "node:crypto";
import { XMLBuilder, XMLParser, XMLValidator } from "fast-xml-parser";
import { CATALOGUE_CURRENCY, decimalPrice, type CatalogueProduct } from "@/lib/shop/catalogue";

/** The largest cXML document accepted; real setup requests are a few KB. */
export const CXML_MAX_BYTES = 256 * 1024;

const CXML_DOCTYPE = '<!DOCTYPE cXML SYSTEM "http://xml.cxml.org/schemas/cXML/1.2.014/cXML.dtd">';

// Entities declared in a document (billion laughs, external entities) are
// refused before parsing. The parser's own limits stay tight as a second
// line: no declared entity could expand to more than a character or two, and
// external ones are never fetched.
const ENTITY_DECLARATION = /<!ENTITY/i;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  htmlEntities: false,
  processEntities: { enabled: true, maxEntityCount: 1, maxEntitySize: 1, maxExpansionDepth: 1, maxTotalExpansions: 16, maxExpandedLength: CXML_MAX_BYTES },
  isArray: (name) => name === "Credential" || name === "Extrinsic" || name === "URL",
});

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", format: true, suppressEmptyNode: true });

export type CxmlStatusCode = 200 | 400 | 401 | 403 | 429 | 450 | 500;

const STATUS_TEXT: Record<CxmlStatusCode, string> = {
  200: "OK",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  429: "Too Many Requests",
  450: "Not Implemented",
  500: "Internal Server Error",
};

export const cxmlStatusText = (code: CxmlStatusCode) => STATUS_TEXT[code];

type XmlNode = Record<string, unknown>;

const isNode = (value: unknown): value is XmlNode => typeof value === "object" && value !== null && !Array.isArray(value);
const child = (node: unknown, name: string): XmlNode | undefined => {
  const value = isNode(node) ? node[name] : undefined;
  return isNode(value) ? value : undefined;
};
/** An element's text, whether the parser made it a string or an object with #text. */
const text = (value: unknown): string | null => {
  if (typeof value === "string") return value;
  if (isNode(value) && typeof value["#text"] === "string") return value["#text"];
  return null;
};
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

export interface CxmlCredential {
  domain: string;
  identity: string;
  sharedSecret: string | null;
}

export interface PunchoutSetupRequest {
  payloadId: string | null;
  from: CxmlCredential | null;
  to: CxmlCredential | null;
  sender: CxmlCredential | null;
  operation: string | null;
  buyerCookie: string | null;
  browserFormPostUrl: string | null;
  /** Name → value, as the procurement system said; recorded, never used to decide who signs in. */
  extrinsics: Record<string, string>;
}

export type ParsedSetup = { ok: true; request: PunchoutSetupRequest } | { ok: false; reason: string };

function credentialOf(party: XmlNode | undefined): CxmlCredential | null {
  const first = list(party?.Credential).find(isNode);
  if (!first) return null;
  const domain = typeof first["@_domain"] === "string" ? first["@_domain"] : "";
  return { domain, identity: text(first.Identity) ?? "", sharedSecret: text(first.SharedSecret) };
}

const MAX_EXTRINSICS = 50;
const MAX_EXTRINSIC_LENGTH = 500;

/** Reads a PunchOutSetupRequest; anything that is not one, or not well-formed, is refused with a reason for the log and the audit. */
export function parsePunchoutSetupRequest(xml: string): ParsedSetup {
  if (ENTITY_DECLARATION.test(xml)) return { ok: false, reason: "entity declarations are not accepted" };
  if (XMLValidator.validate(xml) !== true) return { ok: false, reason: "not well-formed XML" };
  let document: unknown;
  try {
    document = parser.parse(xml);
  } catch {
    return { ok: false, reason: "not well-formed XML" };
  }
  const root = child(document, "cXML");
  const header = child(root, "Header");
  const setup = child(child(root, "Request"), "PunchOutSetupRequest");
  if (!root || !header || !setup) return { ok: false, reason: "not a cXML PunchOutSetupRequest" };

  const extrinsics: Record<string, string> = {};
  for (const extrinsic of list(setup.Extrinsic).slice(0, MAX_EXTRINSICS)) {
    const name = isNode(extrinsic) && typeof extrinsic["@_name"] === "string" ? extrinsic["@_name"] : null;
    if (name) extrinsics[name.slice(0, 100)] = (text(extrinsic) ?? "").slice(0, MAX_EXTRINSIC_LENGTH);
  }
  const formPost = list(child(setup, "BrowserFormPost")?.URL)
    .map(text)
    .find((url) => url);
  return {
    ok: true,
    request: {
      payloadId: typeof root["@_payloadID"] === "string" ? root["@_payloadID"] : null,
      from: credentialOf(child(header, "From")),
      to: credentialOf(child(header, "To")),
      sender: credentialOf(child(header, "Sender")),
      operation: typeof setup["@_operation"] === "string" ? setup["@_operation"] : null,
      buyerCookie: text(setup.BuyerCookie) || null,
      browserFormPostUrl: formPost ?? null,
      extrinsics,
    },
  };
}

function envelope(host: string, body: XmlNode): string {
  const cxml = {
    cXML: {
      "@_payloadID": `${Date.now()}.${randomUUID()}@${host}`,
      "@_timestamp": new Date().toISOString(),
      "@_xml:lang": "en-US",
      ...body,
    },
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${CXML_DOCTYPE}\n${builder.build(cxml)}`;
}

/** A Status answer: every refusal of the setup endpoint is one of these, never a page. */
export function cxmlStatusDocument(host: string, code: CxmlStatusCode, message: string): string {
  return envelope(host, { Response: { Status: { "@_code": String(code), "@_text": STATUS_TEXT[code], "#text": message } } });
}

export function punchoutSetupResponse(host: string, startPageUrl: string): string {
  return envelope(host, {
    Response: {
      Status: { "@_code": "200", "@_text": "OK" },
      PunchOutSetupResponse: { StartPage: { URL: startPageUrl } },
    },
  });
}

export interface CartLine {
  product: CatalogueProduct;
  quantity: number;
}

/**
 * The cart as a PunchOutOrderMessage: from this shop to the buyer it came
 * from, the BuyerCookie echoed so the procurement system finds its requisition.
 */
export function punchoutOrderMessage(input: { host: string; buyer: { domain: string; identity: string }; buyerCookie: string; lines: CartLine[] }): string {
  const shop = { Credential: { "@_domain": "DomainName", Identity: input.host } };
  const totalCents = input.lines.reduce((sum, line) => sum + line.product.priceCents * line.quantity, 0);
  return envelope(input.host, {
    Header: {
      From: shop,
      To: { Credential: { "@_domain": input.buyer.domain, Identity: input.buyer.identity } },
      Sender: { ...shop, UserAgent: "Latchkey webshop" },
    },
    Message: {
      PunchOutOrderMessage: {
        BuyerCookie: input.buyerCookie,
        PunchOutOrderMessageHeader: {
          "@_operationAllowed": "create",
          Total: { Money: { "@_currency": CATALOGUE_CURRENCY, "#text": decimalPrice(totalCents) } },
        },
        ItemIn: input.lines.map(({ product, quantity }) => ({
          "@_quantity": String(quantity),
          ItemID: { SupplierPartID: product.sku },
          ItemDetail: {
            UnitPrice: { Money: { "@_currency": CATALOGUE_CURRENCY, "#text": decimalPrice(product.priceCents) } },
            Description: { "@_xml:lang": "en", "#text": product.name },
            UnitOfMeasure: product.unit,
            Classification: { "@_domain": "UNSPSC", "#text": product.unspsc },
          },
        })),
      },
    },
  });
}
