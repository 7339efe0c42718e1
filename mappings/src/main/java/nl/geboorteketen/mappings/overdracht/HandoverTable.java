package nl.geboorteketen.mappings.overdracht;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import nl.geboorteketen.mappings.RecordPattern;

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

  /** Parses the table and reads what the profiles it names fix ({@link #withProfiles}). */
  public static HandoverTable parse(byte[] json, Function<String, Optional<RecordPattern>> profiles) {
    return parse(json).withProfiles(profiles);
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
   * codes ("system|code" in {@code code}), one of the statuses, the category ("system|code"), and
   * what {@code profile} fixes. The profile is never looked up in a record's meta.profile: an EHR
   * writes by code. {@link #withProfiles} reads what the profile fixes into {@code fixed}
   * (element → codings that must all be present); a table may also state {@code fixed} itself.
   */
  public record Selector(String type, List<String> code, String profile, List<String> status, String category,
      Map<String, Set<String>> fixed) {

    /** The type and fixed codings as a pattern; fails if a profile was named but not read. */
    public RecordPattern pattern() {
      if (profile != null && fixed == null) {
        throw new IllegalStateException("What " + profile + " fixes was not read: HandoverTable.withProfiles");
      }
      return new RecordPattern(type, fixed);
    }
  }

  /**
   * The table with each selector's profile replaced by what that profile fixes ({@code profiles}
   * gives a profile url's pattern, empty when unknown). A profile that is unknown, of another type
   * or fixes no coding cannot select records, so the table is refused.
   */
  public HandoverTable withProfiles(Function<String, Optional<RecordPattern>> profiles) {
    Map<String, HandoverType> resolved = new LinkedHashMap<>();
    types.forEach((code, t) -> resolved.put(code, new HandoverType(t.title(), t.profile(), t.senderType(),
        t.receiverType(), t.consent(), t.sections().stream().map(s -> new Section(s.code(), s.title(), s.required(),
            s.about(), s.select().stream().map(sel -> resolve(code, s, sel, profiles)).toList())).toList())));
    return new HandoverTable(resolved, taskTransitions, statusReasonRequiredFor);
  }

  private static Selector resolve(String type, Section section, Selector s,
      Function<String, Optional<RecordPattern>> profiles) {
    if (s.profile() == null) {
      return s;
    }
    String where = type + "/" + section.code() + ": ";
    RecordPattern p = profiles.apply(s.profile()).orElseThrow(() -> new IllegalArgumentException(
        where + "profiel " + s.profile() + " staat niet in het pakket"));
    if (!p.type().equals(s.type())) {
      throw new IllegalArgumentException(where + "profiel " + s.profile() + " is voor " + p.type() + ", niet " + s.type());
    }
    if (p.fixesNothing()) {
      throw new IllegalArgumentException(where + "profiel " + s.profile()
          + " legt geen code of categorie vast, dus zijn gegevens zijn niet te herkennen; selecteer op code");
    }
    Map<String, Set<String>> fixed = new LinkedHashMap<>(p.fixed());
    if (s.fixed() != null) {
      s.fixed().forEach((element, codings) -> fixed.merge(element, codings, (a, b) -> {
        Set<String> both = new LinkedHashSet<>(a);
        both.addAll(b);
        return both;
      }));
    }
    return new Selector(s.type(), s.code(), s.profile(), s.status(), s.category(), fixed);
  }
}
