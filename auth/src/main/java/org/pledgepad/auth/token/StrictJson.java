package org.pledgepad.auth.token;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the JSON of token headers, claims, OIDC discovery documents and JWKS into plain maps
 * and lists, stricter than the usual lenient parse: duplicate member names are an error (RFC 7519
 * section 4 allows either; "last one wins" lets two parsers disagree about a claim),
 * nesting and string sizes are bounded, trailing content is an error.
 *
 * <p>Values: Map (insertion ordered), List, String, Long or BigInteger, Double, Boolean, and
 * {@link #NULL} for JSON null (so that "present but null" differs from "absent").
 */
public final class StrictJson {
  /** Marker for JSON null. */
  public static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };

  private static final int MAX_DEPTH = 16;
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_DEPTH).maxStringLength(1 << 20).maxNumberLength(400).build())
      .build();

  private StrictJson() {}

  /** Parses a JSON object; throws {@link IllegalArgumentException} on anything else. */
  public static Map<String, Object> parseObject(byte[] json) {
    try (JsonParser p = FACTORY.createParser(json)) {
      JsonToken t = p.nextToken();
      if (t != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("JSON object expected");
      }
      Map<String, Object> result = readObject(p);
      if (p.nextToken() != null) {
        throw new IllegalArgumentException("trailing content after JSON object");
      }
      return result;
    } catch (IOException e) {
      // Jackson's message may quote input; do not pass it on (tokens must not reach logs).
      throw new IllegalArgumentException("malformed JSON");
    }
  }

  private static Map<String, Object> readObject(JsonParser p) throws IOException {
    Map<String, Object> map = new LinkedHashMap<>();
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      map.put(name, readValue(p));
    }
    if (t != JsonToken.END_OBJECT) {
      throw new IllegalArgumentException("malformed JSON object");
    }
    return Collections.unmodifiableMap(map);
  }

  private static Object readValue(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == null) {
      throw new IllegalArgumentException("unexpected end of JSON");
    }
    switch (t) {
      case START_OBJECT:
        return readObject(p);
      case START_ARRAY: {
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(readValue(p));
        }
        return Collections.unmodifiableList(list);
      }
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT: {
        BigInteger big = p.getBigIntegerValue();
        return big.bitLength() < 64 ? (Object) big.longValue() : big;
      }
      case VALUE_NUMBER_FLOAT:
        return p.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return NULL;
      default:
        throw new IllegalArgumentException("unexpected JSON token");
    }
  }
}
