package nl.geboorteketen.mappings.izk;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The MedMij IZK view's table (profiles/rules/izk-stu3.json, Library/izk-stu3): which STU3 type is
 * which R4 type, which STU3 search parameter is which R4 one, which profile and extension URL of
 * ours is which in the STU3 shapes. The view's Java only applies it.
 */
public record IzkTable(
    Map<String, String> types,
    List<String> contextTypes,
    List<String> womanOnlyTypes,
    String maternalRecordExtension,
    String observationFocusExtension,
    String practitionerRoleExtension,
    List<String> commonParameters,
    Map<String, Map<String, ParamRule>> searchParameters,
    Map<String, String> includes,
    List<ProfileRow> profiles,
    List<ExtensionRow> extensions,
    List<CodeSystemRow> codeSystems,
    List<Addition> additions,
    PregnancyRule pregnancy) {

  public static final String URL = "https://fhir.geboorteketen.nl/Library/izk-stu3";

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /**
   * An STU3 search parameter: the R4 one, or by the type of the reference it is given
   * ({@code context=EpisodeOfCare/1} is our maternal-record link, {@code context=Encounter/1} the encounter).
   */
  public record ParamRule(String r4, Map<String, String> byTarget) {}

  /** Our R4 profile and the STU3 profiles the IZK gives the same record. */
  public record ProfileRow(String r4, List<String> stu3) {}

  /** An extension whose URL differs between our R4 records and the STU3 shapes; the rest keep their URL. */
  public record ExtensionRow(String r4, String stu3) {}

  /**
   * A code system whose URL moved to terminology.hl7.org in R4. A row ending in "/" or "-" maps every
   * system under it ({@code http://hl7.org/fhir/v3/RoleCode} is {@code .../CodeSystem/v3-RoleCode}).
   */
  public record CodeSystemRow(String stu3, String r4) {}

  /** A coding an STU3 profile requires that our R4 shape does not carry: the view adds it, a write takes it off. */
  public record Addition(String stu3Profile, String element, String system, String code, String display) {}

  /**
   * Our pregnancy (an Observation with this code and our profile) is the IZK's zib-Pregnancy Condition: its clinical
   * status by whether its effective period has ended, its verification status by the Observation's
   * status (a status not listed gives none), and the Condition search parameters an Observation
   * search cannot take.
   */
  public record PregnancyRule(String system, String code, String profile, Map<String, String> clinicalStatus,
      Map<String, String> verificationStatus, List<String> conditionOnlyParameters) {}

  public static IzkTable parse(byte[] json) {
    try {
      JsonNode root = JSON.readTree(json);
      return JSON.treeToValue(root.has("rules") ? root.get("rules") : root, IzkTable.class);
    } catch (IOException e) {
      throw new UncheckedIOException("IZK table is not valid JSON", e);
    }
  }

  public String r4Type(String stu3Type) {
    return types.getOrDefault(stu3Type, stu3Type);
  }

  public String stu3Type(String r4Type) {
    return types.entrySet().stream().filter(e -> e.getValue().equals(r4Type)).map(Map.Entry::getKey)
        .findFirst().orElse(r4Type);
  }

  /** A PGO's search of these types is about the woman herself, not her whole family (her token is hers). */
  public boolean womanOnly(String stu3Type) {
    return womanOnlyTypes != null && womanOnlyTypes.contains(stu3Type);
  }

  /** The STU3 types the IZK view serves: every type with a search row. */
  public boolean serves(String stu3Type) {
    return searchParameters.containsKey(stu3Type);
  }

  public Optional<ParamRule> parameter(String stu3Type, String name) {
    return Optional.ofNullable(searchParameters.getOrDefault(stu3Type, Map.of()).get(name));
  }

  public String extensionToStu3(String url) {
    return extensions.stream().filter(e -> e.r4().equals(url)).map(ExtensionRow::stu3).findFirst().orElse(url);
  }

  public String systemToR4(String system) {
    return moved(system, codeSystems, CodeSystemRow::stu3, CodeSystemRow::r4);
  }

  public String systemToStu3(String system) {
    return moved(system, codeSystems, CodeSystemRow::r4, CodeSystemRow::stu3);
  }

  private static String moved(String system, List<CodeSystemRow> rows,
      java.util.function.Function<CodeSystemRow, String> from, java.util.function.Function<CodeSystemRow, String> to) {
    for (CodeSystemRow row : rows) {
      String prefix = from.apply(row);
      boolean whole = !(prefix.endsWith("/") || prefix.endsWith("-"));
      if (whole ? system.equals(prefix) : system.startsWith(prefix) && system.length() > prefix.length()) {
        return to.apply(row) + system.substring(prefix.length());
      }
    }
    return system;
  }

  public String extensionToR4(String url) {
    return extensions.stream().filter(e -> e.stu3().equals(url)).map(ExtensionRow::r4).findFirst().orElse(url);
  }
}
