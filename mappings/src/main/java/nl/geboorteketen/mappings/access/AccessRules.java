package nl.geboorteketen.mappings.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The access rule table (profiles/rules/access.json): which roles may call which operation, and
 * which roles may write which resources. Rows, not code: a feature adds its operation as a row.
 */
public final class AccessRules {

  /** Role name a PGO token is given in the table. */
  public static final String PGO = "pgo";

  /**
   * {@code ownOrganisationOnly}: a partner may call the instance operation only on its own
   * Organization (e.g. its quality figure).
   */
  public record OperationRule(String name, Set<String> types, Set<String> roles, char permission,
      boolean ownOrganisationOnly) {
    boolean offeredOn(String resourceType) {
      return types.contains("*") || resourceType == null || types.contains(resourceType);
    }
  }

  public record WriteRule(String type, String profile, Set<String> roles) {}

  /** Setting a resource with this code to one of these statuses is for the organisation at {@code actor} only. */
  public record TransitionRule(String type, String code, Set<String> statuses, String actor) {}

  private final List<OperationRule> operations;
  private final List<WriteRule> writes;
  private final List<WriteRule> reads;
  private final List<TransitionRule> transitions;
  private final Set<String> familyless;

  /**
   * @param familyless the resource types a partner may write that belong to no family (its staff,
   *     places, subscriptions); any other record a partner writes must be about a family
   */
  public AccessRules(List<OperationRule> operations, List<WriteRule> writes, List<WriteRule> reads,
      List<TransitionRule> transitions, Set<String> familyless) {
    this.operations = List.copyOf(operations);
    this.writes = List.copyOf(writes);
    this.reads = List.copyOf(reads);
    this.transitions = List.copyOf(transitions);
    this.familyless = Set.copyOf(familyless);
  }

  public static AccessRules parse(byte[] json) {
    try {
      JsonNode rules = new ObjectMapper().readTree(json).path("rules");
      List<OperationRule> ops = new ArrayList<>();
      for (JsonNode row : rules.path("operations")) {
        ops.add(new OperationRule(row.path("name").asText(), strings(row.path("types")), strings(row.path("roles")),
            row.path("permission").asText("r").charAt(0), "own-organisation".equals(row.path("instance").asText())));
      }
      List<TransitionRule> transitions = new ArrayList<>();
      for (JsonNode row : rules.path("transitions")) {
        transitions.add(new TransitionRule(row.path("type").asText(), row.path("code").asText(),
            strings(row.path("statuses")), row.path("actor").asText()));
      }
      return new AccessRules(ops, typeRows(rules.path("writes")), typeRows(rules.path("reads")), transitions,
          strings(rules.path("partnerFamilyless").path("types")));
    } catch (IOException e) {
      throw new IllegalStateException("The access rule table is not valid JSON: " + e.getMessage(), e);
    }
  }

  private static List<WriteRule> typeRows(JsonNode array) {
    List<WriteRule> rows = new ArrayList<>();
    for (JsonNode row : array) {
      rows.add(new WriteRule(row.path("type").asText(),
          row.hasNonNull("profile") ? row.path("profile").asText() : null, strings(row.path("roles"))));
    }
    return rows;
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> out = new TreeSet<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** The row for this operation on this resource type (null for system level), if any. */
  public Optional<OperationRule> operation(String name, String resourceType) {
    String normalised = name.startsWith("$") ? name : "$" + name;
    return operations.stream().filter(r -> r.name().equals(normalised) && r.offeredOn(resourceType)).findFirst();
  }

  /**
   * The roles allowed to write this resource, or empty when no row restricts it (then the scope
   * decides). A row with a profile applies when the resource claims that profile.
   */
  public Optional<Set<String>> writers(String type, Set<String> claimedProfiles) {
    return writes.stream()
        .filter(r -> r.type().equals(type) && (r.profile() == null || claimedProfiles.contains(r.profile())))
        .map(WriteRule::roles)
        .findFirst();
  }

  /** The roles allowed to read this resource type at all, or empty when the scope alone decides. */
  public Optional<Set<String>> readers(String type) {
    return reads.stream().filter(r -> r.type().equals(type)).map(WriteRule::roles).findFirst();
  }

  /** Whether a partner may write a record of this type that belongs to no family. */
  public boolean partnerMayWriteFamilyless(String type) {
    return familyless.contains(type);
  }

  /** The types a partner may write that belong to no family, sorted. */
  public Set<String> partnerFamilylessTypes() {
    return new TreeSet<>(familyless);
  }

  public List<TransitionRule> transitions(String type) {
    return transitions.stream().filter(t -> t.type().equals(type)).toList();
  }
}
