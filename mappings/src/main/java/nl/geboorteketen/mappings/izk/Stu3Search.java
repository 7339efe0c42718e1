package nl.geboorteketen.mappings.izk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.geboorteketen.mappings.RuleInputException;
import nl.geboorteketen.mappings.RuleInputException.Problem;

/**
 * An IZK search in STU3 terms made into the same search in our R4 terms, by the table. A parameter the
 * table does not know is refused (400) rather than dropped: dropping it would widen the search.
 */
public final class Stu3Search {

  /** The R4 search: type and parameters, values as the client sent them (comma lists kept). */
  public record R4Search(String type, Map<String, List<String>> parameters) {}

  private static final Set<String> FACADE_ONLY = Set.of("_format", "_pretty");

  private final IzkTable table;

  public Stu3Search(IzkTable table) {
    this.table = table;
  }

  public R4Search translate(String stu3Type, Map<String, List<String>> stu3Parameters) {
    if (!table.serves(stu3Type)) {
      throw bad("type", "Het IZK-koppelvlak (STU3) kent het type " + stu3Type + " niet; wel: "
          + String.join(", ", table.searchParameters().keySet()) + ".");
    }
    Map<String, List<String>> r4 = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> p : stu3Parameters.entrySet()) {
      String name = p.getKey();
      if (FACADE_ONLY.contains(name)) {
        continue;
      }
      if (name.equals("_include") || name.equals("_revinclude")) {
        for (String v : p.getValue()) {
          add(r4, name, include(name, v));
        }
      } else if (table.commonParameters().contains(name)) {
        p.getValue().forEach(v -> add(r4, name, v));
      } else {
        for (String v : p.getValue()) {
          add(r4, r4Name(stu3Type, name, v), v);
        }
      }
    }
    return new R4Search(table.r4Type(stu3Type), r4);
  }

  private String include(String name, String value) {
    String r4 = table.includes().get(value);
    if (r4 == null) {
      throw bad(name, name + "=" + value + " wordt niet ondersteund; wel: " + String.join(", ", table.includes().keySet()) + ".");
    }
    return r4;
  }

  private String r4Name(String type, String name, String value) {
    String base = name.contains(":") && table.parameter(type, name).isEmpty() ? name.substring(0, name.indexOf(':')) : name;
    String modifier = base.equals(name) ? "" : name.substring(base.length());
    IzkTable.ParamRule rule = table.parameter(type, base).orElseThrow(() -> bad(name,
        "Zoekparameter " + name + " wordt voor " + type + " niet ondersteund in het IZK-koppelvlak; wel: "
            + String.join(", ", table.searchParameters().get(type).keySet()) + "."));
    if (rule.r4() != null) {
      return rule.r4() + modifier;
    }
    Set<String> targets = new LinkedHashSet<>();
    for (String each : value.split(",")) {
      targets.add(each.contains("/") ? each.substring(0, each.indexOf('/')) : "");
    }
    List<String> r4Names = new ArrayList<>();
    for (String target : targets) {
      String r4 = rule.byTarget().get(target);
      if (r4 == null) {
        throw bad(name, name + " verwacht een verwijzing naar " + String.join(" of ", rule.byTarget().keySet())
            + " (bijvoorbeeld " + name + "=" + rule.byTarget().keySet().iterator().next() + "/123), niet '" + each(value) + "'.");
      }
      r4Names.add(r4);
    }
    if (r4Names.stream().distinct().count() > 1) {
      throw bad(name, name + " met verwijzingen naar verschillende typen in één waarde wordt niet ondersteund; zoek per type.");
    }
    return r4Names.get(0) + modifier;
  }

  private static String each(String value) {
    return value.length() > 80 ? value.substring(0, 80) + "…" : value;
  }

  private static void add(Map<String, List<String>> into, String name, String value) {
    into.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
  }

  private static RuleInputException bad(String parameter, String message) {
    return new RuleInputException(400, List.of(new Problem(parameter, message)));
  }
}
