package nl.geboorteketen.benchmark.chain;

import java.util.HashMap;
import java.util.Map;

/** One simulated family: its BSNs and the ids the server gave its resources ("Type/id"). */
public final class Family {

  private final Map<String, String> values = new HashMap<>();

  public Family(String motherBsn, String childBsn, String familyName, Organisations orgs) {
    values.put("bsn", motherBsn);
    values.put("childBsn", childBsn);
    values.put("family", familyName);
    values.putAll(orgs.references());
  }

  public String get(String key) {
    String v = values.get(key);
    if (v == null) {
      throw new IllegalStateException("Family has no " + key + " yet (step order?)");
    }
    return v;
  }

  public void put(String key, String value) {
    values.put(key, value);
  }

  /** Everything known so far, as template values. */
  public Map<String, String> values() {
    return values;
  }
}
