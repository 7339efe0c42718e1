package nl.geboorteketen.mappings.overdracht;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The handover rule table (profiles/rules/overdracht.json, Library/overdracht): per handover type the
 * sections and which stored records go into each, the consent it needs, and the Task transitions.
 * Nothing about handover content lives in code; this is the one place a reviewer reads.
 */
public record HandoverTable(
    Map<String, HandoverType> types,
    Map<String, List<String>> taskTransitions,
    List<String> statusReasonRequiredFor) {

  public static final String URL = "https://fhir.geboorteketen.nl/Library/overdracht";

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** Parses the table JSON (either the whole rule-table file or only its "rules" object). */
  public static HandoverTable parse(byte[] json) {
    try {
      JsonNode root = JSON.readTree(json);
      JsonNode rules = root.has("rules") ? root.get("rules") : root;
      return JSON.treeToValue(rules, HandoverTable.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Handover table is not valid JSON", e);
    }
  }

  public Optional<HandoverType> type(String code) {
    return Optional.ofNullable(types.get(code));
  }

  /** The statuses a handover Task may move to from {@code from}. */
  public List<String> allowedFrom(String from) {
    return taskTransitions.getOrDefault(from, List.of());
  }

  public record HandoverType(
      String title, String profile, String senderType, String receiverType,
      ConsentRule consent, List<Section> sections) {}

  /**
   * Which consent the family must have given for this receiver: {@code required} is a consent
   * category (null: the care relationship suffices), {@code denyBlocks} a category whose explicit
   * deny for the receiver refuses the handover; {@code why} is the legal ground, for the reader.
   */
  public record ConsentRule(String required, String denyBlocks, String why) {}

  /** One section: the records that {@code select} finds about {@code about} (mother, child, family). */
  public record Section(String code, String title, boolean required, String about, List<Selector> select) {}

  /**
   * A selection of stored records: resource type, and each given criterion must hold — one of the
   * codes ("system|code" in {@code code}), the profile in meta.profile, one of the statuses, the
   * category ("system|code").
   */
  public record Selector(String type, List<String> code, String profile, List<String> status, String category) {}
}
