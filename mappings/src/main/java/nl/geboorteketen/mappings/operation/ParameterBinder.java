package nl.geboorteketen.mappings.operation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Enumerations.BindingStrength;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.OperationDefinition.OperationDefinitionParameterComponent;
import org.hl7.fhir.r4.model.OperationDefinition.OperationParameterUse;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.hl7.fhir.r4.model.UriType;

/**
 * Binds an operation call to its OperationDefinition, the one source of its inputs: every
 * {@code in} parameter by name, type, cardinality, required code binding and reference target
 * type. Query strings (GET) become typed values; a Parameters body (POST) is checked as sent.
 * Anything the definition does not declare is a problem, never silently ignored.
 */
public final class ParameterBinder {

  /** Answers the questions the definition alone cannot: codes of a value set, the type a profile constrains. */
  public interface Terminology {
    /** Whether the code is in the value set; null when the value set is unknown here. */
    Boolean inValueSet(String valueSetUrl, String code);

    /** The resource type a profile (StructureDefinition url) constrains, or null when unknown. */
    String typeOfProfile(String profileUrl);
  }

  /** Query parameters HAPI itself answers to, on every operation. */
  static final Set<String> FRAMEWORK = Set.of("_format", "_pretty", "_summary", "_elements");

  private static final Pattern DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
  private static final Pattern CODE = Pattern.compile("[^\\s]+( [^\\s]+)*");
  private static final Pattern REFERENCE = Pattern.compile("(?:.*/)?([A-Z][A-Za-z]+)/([A-Za-z0-9\\-.]{1,64})(/_history/.*)?");
  private static final Set<String> QUERY_TYPES = Set.of("boolean", "integer", "decimal", "string", "code", "date",
      "dateTime", "uri", "canonical", "Reference");

  private final OperationDefinition definition;
  private final Terminology terminology;

  public ParameterBinder(OperationDefinition definition, Terminology terminology) {
    this.definition = definition;
    this.terminology = terminology;
  }

  /** The outcome: the typed input, or the problems (all of them, not just the first). */
  public record Bound(Parameters input, List<ParameterProblem> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /** A GET call: the query string, each name with all its values. */
  public Bound fromQuery(Map<String, List<String>> query) {
    List<ParameterProblem> problems = new ArrayList<>();
    Parameters input = new Parameters();
    Map<String, OperationDefinitionParameterComponent> declared = inputs(definition.getParameter());
    for (Map.Entry<String, List<String>> e : query.entrySet()) {
      String name = e.getKey();
      if (FRAMEWORK.contains(name)) {
        continue;
      }
      OperationDefinitionParameterComponent param = declared.get(name);
      if (param == null) {
        problems.add(unknown(name, declared.keySet()));
        continue;
      }
      String type = typeOf(param);
      if (!QUERY_TYPES.contains(type)) {
        problems.add(new ParameterProblem(name, ParameterProblem.Kind.POST_ONLY,
            "Parameter '" + name + "' is van type " + type + " en kan alleen in een Parameters-body met POST worden meegegeven."));
        continue;
      }
      for (String raw : e.getValue()) {
        Type value = parse(type, raw);
        if (value == null) {
          problems.add(wrongType(name, type, "'" + raw + "'"));
        } else {
          input.addParameter().setName(name).setValue(value);
        }
      }
    }
    check(input.getParameter(), declared, "", problems);
    return new Bound(input, problems);
  }

  /** A POST call: the Parameters body as sent. */
  public Bound fromBody(Parameters body) {
    List<ParameterProblem> problems = new ArrayList<>();
    Map<String, OperationDefinitionParameterComponent> declared = inputs(definition.getParameter());
    checkShapes(body.getParameter(), declared, "", problems);
    check(body.getParameter(), declared, "", problems);
    return new Bound(body, problems);
  }

  private void checkShapes(List<ParametersParameterComponent> given,
      Map<String, OperationDefinitionParameterComponent> declared, String prefix, List<ParameterProblem> problems) {
    for (ParametersParameterComponent p : given) {
      String name = prefix + p.getName();
      OperationDefinitionParameterComponent param = declared.get(p.getName());
      if (param == null) {
        problems.add(unknown(name, declared.keySet()));
        continue;
      }
      if (param.hasPart()) {
        checkShapes(p.getPart(), inputs(param.getPart()), name + ".", problems);
        continue;
      }
      String type = typeOf(param);
      String sent = p.hasResource() ? p.getResource().fhirType() : p.hasValue() ? p.getValue().fhirType() : "niets";
      if (!type.equals(sent)) {
        problems.add(wrongType(name, type, "een " + sent));
      }
    }
  }

  /** Cardinality, required codes and reference targets, on values already of the right type. */
  private void check(List<ParametersParameterComponent> given,
      Map<String, OperationDefinitionParameterComponent> declared, String prefix, List<ParameterProblem> problems) {
    for (OperationDefinitionParameterComponent param : declared.values()) {
      String name = prefix + param.getName();
      List<ParametersParameterComponent> values = given.stream().filter(p -> param.getName().equals(p.getName())).toList();
      if (values.size() < param.getMin()) {
        problems.add(new ParameterProblem(name, ParameterProblem.Kind.MISSING,
            "Parameter '" + name + "' ontbreekt; " + describe(param) + "."));
      }
      if (!"*".equals(param.getMax()) && values.size() > Integer.parseInt(param.getMax())) {
        problems.add(new ParameterProblem(name, ParameterProblem.Kind.TOO_MANY,
            "Parameter '" + name + "' mag hoogstens " + param.getMax() + " keer voorkomen, niet " + values.size() + " keer."));
      }
      for (ParametersParameterComponent value : values) {
        if (param.hasPart()) {
          check(value.getPart(), inputs(param.getPart()), name + ".", problems);
        } else if (value.getValue() instanceof CodeType code) {
          checkCode(name, param, code.getValue(), problems);
        } else if (value.getValue() instanceof Reference ref) {
          checkTarget(name, param, ref, problems);
        }
      }
    }
  }

  private void checkCode(String name, OperationDefinitionParameterComponent param, String code,
      List<ParameterProblem> problems) {
    if (!param.hasBinding() || param.getBinding().getStrength() != BindingStrength.REQUIRED) {
      return;
    }
    String valueSet = param.getBinding().getValueSet();
    if (Boolean.FALSE.equals(terminology.inValueSet(valueSet, code))) {
      problems.add(new ParameterProblem(name, ParameterProblem.Kind.CODE,
          "Parameter '" + name + "' kent de code '" + code + "' niet; toegestaan zijn de codes uit " + valueSet + "."));
    }
  }

  private void checkTarget(String name, OperationDefinitionParameterComponent param, Reference ref,
      List<ParameterProblem> problems) {
    List<String> allowed = param.getTargetProfile().stream().map(p -> terminology.typeOfProfile(p.getValue()))
        .filter(t -> t != null).distinct().toList();
    var matcher = ref.hasReference() ? REFERENCE.matcher(ref.getReference()) : null;
    String type = matcher != null && matcher.matches() ? matcher.group(1) : null;
    if (type == null) {
      problems.add(new ParameterProblem(name, ParameterProblem.Kind.TYPE,
          "Parameter '" + name + "' moet verwijzen als Type/id, bijvoorbeeld " + example(allowed) + "."));
    } else if (!allowed.isEmpty() && !allowed.contains(type)) {
      problems.add(new ParameterProblem(name, ParameterProblem.Kind.TARGET,
          "Parameter '" + name + "' verwijst naar een " + type + "; toegestaan: " + String.join(", ", allowed) + "."));
    }
  }

  private static String example(List<String> allowed) {
    return (allowed.isEmpty() ? "Organization" : allowed.get(0)) + "/123";
  }

  private static Map<String, OperationDefinitionParameterComponent> inputs(List<OperationDefinitionParameterComponent> all) {
    Map<String, OperationDefinitionParameterComponent> result = new LinkedHashMap<>();
    all.stream().filter(p -> p.getUse() != OperationParameterUse.OUT).forEach(p -> result.put(p.getName(), p));
    return result;
  }

  static String typeOf(OperationDefinitionParameterComponent param) {
    return param.hasType() ? param.getType() : "Parameters.part";
  }

  private static ParameterProblem unknown(String name, Set<String> declared) {
    String allowed = declared.isEmpty() ? "deze operatie heeft geen invoer"
        : "bekend zijn: " + declared.stream().sorted().collect(Collectors.joining(", "));
    return new ParameterProblem(name, ParameterProblem.Kind.UNKNOWN,
        "Onbekende parameter '" + name + "'; " + allowed + ".");
  }

  private static ParameterProblem wrongType(String name, String type, String sent) {
    return new ParameterProblem(name, ParameterProblem.Kind.TYPE,
        "Parameter '" + name + "' moet een " + type + " zijn" + hint(type) + ", niet " + sent + ".");
  }

  private static String hint(String type) {
    return switch (type) {
      case "boolean" -> " (true of false)";
      case "integer" -> " (een geheel getal)";
      case "decimal" -> " (een getal met een punt, bijv. 49.5)";
      case "date" -> " (JJJJ-MM-DD)";
      case "Reference" -> " (Type/id)";
      default -> "";
    };
  }

  private static String describe(OperationDefinitionParameterComponent param) {
    String doc = param.getDocumentation();
    return "verwacht " + typeOf(param) + (doc == null || doc.isBlank() ? "" : ": " + doc.strip());
  }

  /** A query string value as the declared type, or null when it is not one. */
  static Type parse(String type, String raw) {
    try {
      return switch (type) {
        case "boolean" -> "true".equals(raw) || "false".equals(raw) ? new BooleanType(raw) : null;
        case "integer" -> new IntegerType(Integer.parseInt(raw));
        case "decimal" -> new DecimalType(new BigDecimal(raw));
        case "date" -> DATE.matcher(raw).matches() ? new DateType(raw) : null;
        case "dateTime" -> new DateTimeType(raw);
        case "code" -> CODE.matcher(raw).matches() ? new CodeType(raw) : null;
        case "string" -> raw.isBlank() ? null : new StringType(raw);
        case "uri", "canonical" -> raw.isBlank() ? null : new UriType(raw);
        case "Reference" -> raw.isBlank() ? null : new Reference(raw);
        default -> null;
      };
    } catch (RuntimeException notOfThatType) {
      return null;
    }
  }
}
