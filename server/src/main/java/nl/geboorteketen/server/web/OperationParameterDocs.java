package nl.geboorteketen.server.web;

import ca.uhn.fhir.context.FhirContext;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.DateSchema;
import io.swagger.v3.oas.models.media.DateTimeSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.geboorteketen.server.packages.ProfilePackage;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.OperationDefinition.OperationDefinitionParameterComponent;
import org.hl7.fhir.r4.model.OperationDefinition.OperationParameterUse;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * Describes the operations of the OpenAPI document by the package's OperationDefinitions, not by
 * how a provider happens to bind them: every {@code in} parameter with its documentation, its FHIR
 * type as an OpenAPI schema (the codes of a bound value set of our package as an enum) and its
 * cardinality. A GET form gets query parameters, a POST form a Parameters body described per parameter.
 */
public final class OperationParameterDocs {

  private static final Set<String> PRIMITIVES = Set.of("boolean", "integer", "positiveInt", "unsignedInt", "decimal",
      "date", "dateTime", "instant", "time", "code", "string", "uri", "url", "canonical", "id", "oid", "uuid",
      "markdown", "base64Binary");

  private final Map<String, OperationDefinition> byCode = new LinkedHashMap<>();
  private final Map<String, ValueSet> valueSets = new LinkedHashMap<>();
  private final Map<String, CodeSystem> codeSystems = new LinkedHashMap<>();

  public OperationParameterDocs(FhirContext ctx, ProfilePackage pkg) {
    for (Resource r : pkg.resources(ctx)) {
      if (r instanceof OperationDefinition od) {
        byCode.put(od.getCode(), od);
      } else if (r instanceof ValueSet vs) {
        valueSets.put(vs.getUrl(), vs);
      } else if (r instanceof CodeSystem cs) {
        codeSystems.put(cs.getUrl(), cs);
      }
    }
  }

  /** Rewrites the parameters of every operation path ("…/$code") whose code our package defines. */
  public void describe(OpenAPI api) {
    if (api.getPaths() == null) {
      return;
    }
    api.getPaths().forEach((path, item) -> definitionFor(path).ifPresent(od -> describe(item, od)));
  }

  private Optional<OperationDefinition> definitionFor(String path) {
    int dollar = path.lastIndexOf("/$");
    return dollar < 0 ? Optional.empty() : Optional.ofNullable(byCode.get(path.substring(dollar + 2)));
  }

  private void describe(PathItem item, OperationDefinition od) {
    if (item.getGet() != null) {
      summary(item.getGet(), od);
      queryParameters(item.getGet(), od);
    }
    if (item.getPost() != null) {
      summary(item.getPost(), od);
      body(item.getPost(), od);
    }
  }

  private static void summary(Operation operation, OperationDefinition od) {
    operation.setSummary(od.getTitle());
    operation.setDescription(od.getDescription());
  }

  private static List<OperationDefinitionParameterComponent> inputs(OperationDefinition od) {
    return od.getParameter().stream().filter(p -> p.getUse() == OperationParameterUse.IN).toList();
  }

  private void queryParameters(Operation operation, OperationDefinition od) {
    List<Parameter> kept = new ArrayList<>();
    if (operation.getParameters() != null) {
      operation.getParameters().stream().filter(p -> !"query".equals(p.getIn())).forEach(kept::add);
    }
    for (OperationDefinitionParameterComponent p : inputs(od)) {
      if (!PRIMITIVES.contains(p.getType())) {
        continue; // FHIR passes only primitive parameters in a URL
      }
      Schema<?> value = valueSchema(p);
      kept.add(new Parameter().name(p.getName()).in("query").description(p.getDocumentation())
          .required(p.getMin() >= 1).style(Parameter.StyleEnum.FORM).explode(true)
          .schema("*".equals(p.getMax()) ? new ArraySchema().items(value) : value));
    }
    operation.setParameters(kept);
  }

  /** A Parameters resource whose {@code parameter} items are the operation's inputs, one schema each. */
  private void body(Operation operation, OperationDefinition od) {
    List<OperationDefinitionParameterComponent> inputs = inputs(od);
    ComposedSchema oneOf = new ComposedSchema();
    List<String> required = new ArrayList<>();
    for (OperationDefinitionParameterComponent p : inputs) {
      oneOf.addOneOfItem(parameterItem(p));
      if (p.getMin() >= 1) {
        required.add(p.getName());
      }
    }
    ArraySchema parameters = new ArraySchema();
    parameters.items(inputs.isEmpty() ? new ObjectSchema() : oneOf);
    parameters.minItems(required.size());
    parameters.description(required.isEmpty() ? "Geen verplichte parameters."
        : "Verplicht: " + String.join(", ", required) + ".");
    Schema<Object> schema = new ObjectSchema().title("Parameters voor $" + od.getCode())
        .addProperty("resourceType", new StringSchema().addEnumItem("Parameters"))
        .addProperty("parameter", parameters);
    schema.addRequiredItem("resourceType");
    schema.addExtension("x-fhir-required-parameters", required);
    MediaType json = new MediaType().schema(schema).example(example(inputs));
    operation.setRequestBody(new RequestBody().required(!required.isEmpty())
        .description("Een FHIR Parameters-resource met de invoer van $" + od.getCode() + " (OperationDefinition "
            + od.getUrl() + ").")
        .content(new Content().addMediaType("application/fhir+json", json)));
  }

  private Schema<?> parameterItem(OperationDefinitionParameterComponent p) {
    String valueKey = valueKey(p.getType());
    Schema<Object> item = new ObjectSchema()
        .title(p.getName() + (p.getMin() >= 1 ? " (verplicht)" : ""))
        .description(p.getDocumentation())
        .addProperty("name", new StringSchema().addEnumItem(p.getName()))
        .addProperty(valueKey, valueSchema(p).description(p.getDocumentation()));
    item.setRequired(List.of("name", valueKey));
    item.addExtension("x-fhir-type", p.getType());
    item.addExtension("x-fhir-min", p.getMin());
    item.addExtension("x-fhir-max", p.getMax());
    return item;
  }

  /** valueBoolean, valueCode, valueReference … ; "resource" for a resource type. */
  private static String valueKey(String type) {
    if (type == null || Character.isUpperCase(type.charAt(0)) && !isDatatype(type)) {
      return "resource";
    }
    return "value" + Character.toUpperCase(type.charAt(0)) + type.substring(1);
  }

  private static boolean isDatatype(String type) {
    return Set.of("Reference", "Coding", "CodeableConcept", "Identifier", "Period", "Quantity", "Attachment")
        .contains(type);
  }

  /** The OpenAPI schema of one value of this parameter's FHIR type. */
  Schema<?> valueSchema(OperationDefinitionParameterComponent p) {
    String type = p.getType() == null ? "" : p.getType();
    return switch (type) {
      case "boolean" -> new BooleanSchema();
      case "integer" -> new IntegerSchema();
      case "positiveInt" -> new IntegerSchema().minimum(BigDecimal.ONE);
      case "unsignedInt" -> new IntegerSchema().minimum(BigDecimal.ZERO);
      case "decimal" -> new NumberSchema();
      case "date" -> new DateSchema();
      case "dateTime", "instant" -> new DateTimeSchema();
      case "uri", "url", "canonical" -> new StringSchema().format("uri");
      case "code" -> codes(p);
      case "Reference" -> new ObjectSchema().addProperty("reference",
          new StringSchema().description("Type/id, bv. Organization/123"));
      default -> PRIMITIVES.contains(type) ? new StringSchema() : new ObjectSchema().description("FHIR " + type);
    };
  }

  private Schema<?> codes(OperationDefinitionParameterComponent p) {
    StringSchema schema = new StringSchema();
    if (p.hasBinding() && p.getBinding().hasValueSet()) {
      codesOf(p.getBinding().getValueSet()).ifPresent(codes -> codes.forEach(schema::addEnumItem));
    }
    return schema;
  }

  /** The codes of a value set of our package, when it lists them or includes whole code systems of ours. */
  Optional<List<String>> codesOf(String valueSetUrl) {
    ValueSet vs = valueSets.get(valueSetUrl.split("\\|")[0]);
    if (vs == null || vs.getCompose().hasExclude()) {
      return Optional.empty();
    }
    List<String> codes = new ArrayList<>();
    for (ValueSet.ConceptSetComponent include : vs.getCompose().getInclude()) {
      if (include.hasValueSet() || include.hasFilter()) {
        return Optional.empty();
      }
      if (include.hasConcept()) {
        include.getConcept().forEach(c -> codes.add(c.getCode()));
      } else {
        CodeSystem cs = codeSystems.get(include.getSystem());
        if (cs == null) {
          return Optional.empty();
        }
        addAll(cs.getConcept(), codes);
      }
    }
    return codes.isEmpty() ? Optional.empty() : Optional.of(codes);
  }

  private static void addAll(List<CodeSystem.ConceptDefinitionComponent> concepts, List<String> into) {
    for (CodeSystem.ConceptDefinitionComponent c : concepts) {
      into.add(c.getCode());
      addAll(c.getConcept(), into);
    }
  }

  /** A body with the required inputs, the first allowed code where there is one. */
  private Map<String, Object> example(List<OperationDefinitionParameterComponent> inputs) {
    List<Map<String, Object>> parameters = new ArrayList<>();
    for (OperationDefinitionParameterComponent p : inputs) {
      if (p.getMin() < 1) {
        continue;
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", p.getName());
      entry.put(valueKey(p.getType()), exampleValue(p));
      parameters.add(entry);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("resourceType", "Parameters");
    body.put("parameter", parameters);
    return body;
  }

  private Object exampleValue(OperationDefinitionParameterComponent p) {
    Schema<?> schema = valueSchema(p);
    if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
      return schema.getEnum().get(0);
    }
    return switch (p.getType() == null ? "" : p.getType()) {
      case "boolean" -> true;
      case "integer", "positiveInt", "unsignedInt" -> 1;
      case "decimal" -> 1.0;
      case "date" -> "2026-03-05";
      case "Reference" -> Map.of("reference", "Organization/123");
      default -> "tekst";
    };
  }
}
