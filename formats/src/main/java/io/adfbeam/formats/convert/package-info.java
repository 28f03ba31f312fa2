/**
 * Conversion between ADF's interim types and their text: {@link
 * io.adfbeam.formats.convert.ValueConverter} for values, {@link
 * io.adfbeam.formats.convert.DotNetDateTimeFormat} for .NET date and time format strings.
 */
package io.adfbeam.formats.convert;
