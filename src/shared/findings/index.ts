// The knowledge base's public surface: codes, catalogue + rendering, reply parsing, classification.
export { FINDING_CODES, isFindingCode, type FindingCode } from './codes';
export { CATALOG, catalogEntry, interpolate, renderFinding, type CatalogEntry, type FindingText } from './catalog';
export { classifyError, classifyText, findReply, parseReply, stripServerSuffix, type ParsedReply } from './classify';
