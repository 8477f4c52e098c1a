package org.pledgepad.history;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pledgepad.crdt.lib0.Json;

/**
 * Erasure records as the export's {@code erasures.json}: {@code {"records": [{index, prev, time,
 * keyId, backfilled, asOf, seqs, standins, signature}]}} with hashes in hex, the signature in
 * base64 and {@code seqs[i]} paired with {@code standins[i]}; {@code asOf} only where a record
 * names it. The document is the export's.
 */
final class ErasureRecords {
  private ErasureRecords() {}

  static String toJson(List<ErasureRecord> records) {
    List<Object> out = new ArrayList<>();
    for (ErasureRecord r : records) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("index", r.index());
      m.put("prev", Hashes.hex(r.prev()));
      m.put("time", r.timeMillis());
      m.put("keyId", r.keyId());
      m.put("backfilled", r.backfilled());
      if (r.asOf() != 0) {
        m.put("asOf", r.asOf());
      }
      List<Object> seqs = new ArrayList<>();
      List<Object> standins = new ArrayList<>();
      for (ErasureRecord.Entry e : r.entries()) {
        seqs.add(e.seq());
        standins.add(Hashes.hex(e.standin()));
      }
      m.put("seqs", seqs);
      m.put("standins", standins);
      m.put("signature", Base64.getEncoder().encodeToString(r.signature()));
      out.add(m);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("records", out);
    return Json.stringify(root);
  }

  @SuppressWarnings("unchecked")
  static List<ErasureRecord> fromJson(String doc, String json) {
    Map<String, Object> root = (Map<String, Object>) Json.parse(json);
    List<ErasureRecord> out = new ArrayList<>();
    for (Object o : (List<Object>) root.get("records")) {
      Map<String, Object> m = (Map<String, Object>) o;
      List<Object> seqs = (List<Object>) m.get("seqs");
      List<Object> standins = (List<Object>) m.get("standins");
      if (seqs.size() != standins.size()) {
        throw new IllegalArgumentException("erasure record " + m.get("index") + ": seqs and standins differ in length");
      }
      List<ErasureRecord.Entry> entries = new ArrayList<>(seqs.size());
      for (int i = 0; i < seqs.size(); i++) {
        entries.add(new ErasureRecord.Entry(HistoryExport.num(seqs.get(i)), Hashes.unhex((String) standins.get(i))));
      }
      out.add(new ErasureRecord(doc, HistoryExport.num(m.get("index")), Hashes.unhex((String) m.get("prev")),
          HistoryExport.num(m.get("time")), (String) m.get("keyId"), Boolean.TRUE.equals(m.get("backfilled")),
          m.get("asOf") == null ? 0 : HistoryExport.num(m.get("asOf")), entries, Base64.getDecoder().decode((String) m.get("signature"))));
    }
    return out;
  }
}
