/**
 * The image reference grammar of distribution/reference (regexp.go), written as JavaScript regexps.
 * Every alternative below is unambiguous at its first character (separators never overlap letters), so V8's
 * backtracking engine stays linear on hostile input, as Go's RE2 is by construction.
 */

const alphanumeric = '[a-z0-9]+';
// One '.', one '_', two '__', or any run of '-'.
const separator = '(?:[._]|__|-+)';
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;

// A label is one character, or two or more with inner hyphens only.
const domainNameComponent = '[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?';
const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`;
// Go accepts any run of hex digits and colons between brackets (no zones, no embedded IPv4).
const ipv6Address = '\\[[a-fA-F0-9:]+\\]';
const optionalPort = '(?::[0-9]+)?';
const domainAndPort = `(?:${domainName}|${ipv6Address})${optionalPort}`;

const tag = '\\w[\\w.-]{0,127}';
const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,}';
const name = `(?:${domainAndPort}/)?${remoteName}`;

/** `^domain[:port]$`: the registry host part of a name. */
export const ANCHORED_DOMAIN_AND_PORT = new RegExp(`^${domainAndPort}$`);

/** `^(?:(domain)/)?(path)$`: a repository name split into its capture groups. */
export const ANCHORED_NAME = new RegExp(`^(?:(${domainAndPort})/)?(${remoteName})$`);

/** `^(name)(?::(tag))?(?:@(digest))?$`: a whole reference; no length, case or digest-algorithm checks. */
export const ANCHORED_REFERENCE = new RegExp(`^(${name})(?::(${tag}))?(?:@(${digest}))?$`);

/** A tag as WithTag accepts it. */
export const ANCHORED_TAG = new RegExp(`^${tag}$`);

/** A digest as WithDigest accepts it (syntax only; `validateDigest` checks algorithm and length). */
export const ANCHORED_DIGEST = new RegExp(`^${digest}$`);

/** A bare 64-hex image ID, which Docker reads as a sha256 digest rather than a repository name. */
export const ANCHORED_IDENTIFIER = /^[a-f0-9]{64}$/;

/** Longest repository path (name without domain) that Parse and WithName accept. */
export const NAME_TOTAL_LENGTH_MAX = 255;
