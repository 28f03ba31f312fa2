/**
 * ADF's JSON format: {@link io.adfbeam.formats.json.JsonRowReader} and {@link
 * io.adfbeam.formats.json.JsonRowWriter} with {@link io.adfbeam.formats.json.JsonFormatOptions}.
 */
package io.adfbeam.formats.json;
