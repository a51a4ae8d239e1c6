const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when the text holds half of a UTF-16 surrogate pair (no Unicode character; storage would alter it). */
export const hasLoneSurrogate = (text: string): boolean => loneSurrogate.test(text);
