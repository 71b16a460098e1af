package vn.egov.reporting.infrastructure;

import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import vn.egov.common.DomainException;
import vn.egov.common.TextRule;

/**
 * Reads a data value set as a connected reporting system sends it, DHIS2-style, one value at a
 * time from the stream (no document tree is built): JSON {@code {"dataSet":…, "dataValues":[{"dataElement",
 * "period", "orgUnit", "categoryOptionCombo", "value"}, …]}} or CSV with a header row naming the
 * same columns (DHIS2's lower-case names {@code dataelement, period, orgunit, catoptcombo,
 * value} too). At most {@code maxValues} values; every text single-line and within 100 characters.
 */
public final class DataValueStreams {

    public static final String MALFORMED = "reporting.datavalues.malformed";
    public static final String TOO_MANY = "reporting.datavalues.too-many";
    private static final int MAX_TEXT = 100;

    /** One value as sent; {@code value} is the text sent (a JSON number is its plain text). */
    public record DataValue(
            String dataElement, String period, String orgUnit, String categoryOptionCombo, String value) {}

    /** What was read: the data set (regime) named in the body, if any, and the values in order. */
    public record DataValueSet(String dataSet, List<DataValue> values) {}

    private DataValueStreams() {}

    public static DataValueSet readJson(InputStream in, int maxValues) {
        try (JsonParser parser = Json.createParser(utf8(in))) {
            String dataSet = null;
            List<DataValue> values = new ArrayList<>();
            expect(parser, JsonParser.Event.START_OBJECT);
            while (true) {
                JsonParser.Event event = parser.next();
                if (event == JsonParser.Event.END_OBJECT) {
                    break;
                }
                if (event != JsonParser.Event.KEY_NAME) {
                    throw malformed("a data value set is a JSON object");
                }
                String key = parser.getString();
                JsonParser.Event next = parser.next();
                if ("dataValues".equals(key)) {
                    if (next != JsonParser.Event.START_ARRAY) {
                        throw malformed("dataValues is an array");
                    }
                    while ((next = parser.next()) != JsonParser.Event.END_ARRAY) {
                        if (next != JsonParser.Event.START_OBJECT) {
                            throw malformed("each data value is an object");
                        }
                        if (values.size() >= maxValues) {
                            throw tooMany(maxValues);
                        }
                        values.add(readValue(parser));
                    }
                } else if ("dataSet".equals(key) && next == JsonParser.Event.VALUE_STRING) {
                    dataSet = text("dataSet", parser.getString());
                } else {
                    skip(parser, next);
                }
            }
            if (parser.hasNext()) {
                throw malformed("nothing may follow the data value set");
            }
            return new DataValueSet(dataSet, values);
        } catch (JsonParsingException | java.util.NoSuchElementException e) {
            throw malformed("the JSON cannot be read: " + e.getMessage());
        } catch (jakarta.json.JsonException e) {
            if (e.getCause() instanceof java.nio.charset.CharacterCodingException) {
                throw malformed("the body is not UTF-8");
            }
            throw malformed("the JSON cannot be read: " + e.getMessage());
        }
    }

    private static DataValue readValue(JsonParser parser) {
        Map<String, String> fields = new HashMap<>();
        JsonParser.Event event;
        while ((event = parser.next()) != JsonParser.Event.END_OBJECT) {
            String key = parser.getString();
            JsonParser.Event next = parser.next();
            switch (next) {
                case VALUE_STRING -> fields.put(key, text(key, parser.getString()));
                case VALUE_NUMBER -> fields.put(key, parser.getBigDecimal().toPlainString());
                case VALUE_NULL -> fields.put(key, null);
                default -> skip(parser, next);
            }
        }
        return new DataValue(
                fields.get("dataElement"),
                fields.get("period"),
                fields.get("orgUnit"),
                fields.get("categoryOptionCombo"),
                fields.get("value"));
    }

    private static void skip(JsonParser parser, JsonParser.Event event) {
        if (event == JsonParser.Event.START_OBJECT) {
            parser.skipObject();
        } else if (event == JsonParser.Event.START_ARRAY) {
            parser.skipArray();
        }
    }

    private static void expect(JsonParser parser, JsonParser.Event wanted) {
        if (!parser.hasNext() || parser.next() != wanted) {
            throw malformed("a data value set is a JSON object");
        }
    }

    /** CSV with a header row; a record at a time. */
    public static DataValueSet readCsv(InputStream in, int maxValues) {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .build();
        List<DataValue> values = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(utf8(in), format)) {
            Map<String, String> columns = new HashMap<>();
            for (String name : parser.getHeaderNames()) {
                columns.put(name.replace("\uFEFF", "").toLowerCase(Locale.ROOT), name);
            }
            String element = column(columns, "dataelement");
            String period = column(columns, "period");
            String orgUnit = column(columns, "orgunit");
            String value = column(columns, "value");
            String combo = columns.getOrDefault("categoryoptioncombo", columns.get("catoptcombo"));
            for (CSVRecord row : parser) {
                if (values.size() >= maxValues) {
                    throw tooMany(maxValues);
                }
                values.add(new DataValue(
                        cell(row, element),
                        cell(row, period),
                        cell(row, orgUnit),
                        combo == null ? null : cell(row, combo),
                        cell(row, value)));
            }
        } catch (IOException e) {
            throw malformed("the CSV cannot be read: " + e.getMessage());
        } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw malformed("the CSV cannot be read: " + e.getMessage());
        }
        return new DataValueSet(null, values);
    }

    private static String column(Map<String, String> columns, String name) {
        String found = columns.get(name);
        if (found == null) {
            throw malformed("the CSV header names no column " + name);
        }
        return found;
    }

    private static String cell(CSVRecord row, String column) {
        if (!row.isSet(column)) {
            return null;
        }
        String value = row.get(column);
        return value.isEmpty() ? null : text(column, value);
    }

    private static String text(String field, String value) {
        if (value.length() > MAX_TEXT || !TextRule.acceptable(value, true)) {
            throw malformed(field + " must be one line of at most " + MAX_TEXT + " characters");
        }
        return value;
    }

    private static Reader utf8(InputStream in) {
        return new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    private static DomainException malformed(String detail) {
        return DomainException.invalid(MALFORMED, detail);
    }

    private static DomainException tooMany(int max) {
        return new DomainException(
                DomainException.Kind.TOO_LARGE, TOO_MANY, "a data value set holds at most " + max + " values");
    }

    /** Values as CSV, DHIS2's column names first. */
    public static String writeCsv(List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        try (org.apache.commons.csv.CSVPrinter printer =
                new org.apache.commons.csv.CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(
                    "dataelement", "period", "orgunit", "categoryoptioncombo", "value", "storedby", "status");
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
