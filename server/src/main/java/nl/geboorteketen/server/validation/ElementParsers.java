package nl.geboorteketen.server.validation;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.hl7.fhir.exceptions.FHIRFormatError;
import org.hl7.fhir.r5.context.IWorkerContext;
import org.hl7.fhir.r5.elementmodel.JsonParser;
import org.hl7.fhir.r5.elementmodel.ParserBase.ValidationPolicy;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.utilities.validation.ValidationMessage;

/**
 * Element-model JSON parsers kept for reuse, one parse at a time each. Building one (its FHIRPath
 * engine lists every type of the packages) cost more than building a core validator; nothing in a
 * parser grows with what it parses, so a parser is kept as long as the pool has room.
 */
final class ElementParsers {

  private static final int IDLE = 8;

  private final ValidationPolicy policy;
  private final ConcurrentLinkedDeque<JsonParser> idle = new ConcurrentLinkedDeque<>();
  private volatile TypeDefinitions definitions;

  ElementParsers(ValidationPolicy policy) {
    this.policy = policy;
  }

  JsonParser take(IWorkerContext worker) {
    JsonParser parser = idle.pollFirst();
    if (parser == null) {
      parser = new TypeIndexedParser(worker, definitionsOf(worker));
      parser.setupValidation(policy);
    }
    return parser;
  }

  void giveBack(JsonParser parser) {
    if (idle.size() < IDLE) {
      idle.addFirst(parser);
    }
  }

  /** The resource types whose definitions the parsers have found so far (for tests). */
  Set<String> typesFound() {
    TypeDefinitions known = definitions;
    return known == null ? Set.of() : Set.copyOf(known.byType().keySet());
  }

  private TypeDefinitions definitionsOf(IWorkerContext worker) {
    TypeDefinitions known = definitions;
    if (known == null || known.worker != worker) {
      known = new TypeDefinitions(worker);
      definitions = known;
    }
    return known;
  }

  /** A resource type's definition as the worker context gave it, per context. */
  private record TypeDefinitions(IWorkerContext worker, Map<String, StructureDefinition> byType) {
    TypeDefinitions(IWorkerContext worker) {
      this(worker, new ConcurrentHashMap<>());
    }
  }

  /**
   * Finds a resource's definition by its type once per type: the element model's parser walks
   * every StructureDefinition of the context for each resource it parses, and builds a URL for
   * each on the way (7 % of a validation in the bulk load, JFR). What it found without a message is
   * kept; an unknown type still goes the whole way and gets its message every time.
   */
  private static final class TypeIndexedParser extends JsonParser {

    private final TypeDefinitions definitions;

    TypeIndexedParser(IWorkerContext worker, TypeDefinitions definitions) {
      super(worker);
      this.definitions = definitions;
    }

    @Override
    protected StructureDefinition getDefinition(List<ValidationMessage> errors, int line, int col, String name)
        throws FHIRFormatError {
      if (name == null || logical != null) {
        return super.getDefinition(errors, line, col, name);
      }
      StructureDefinition known = definitions.byType().get(name);
      if (known != null) {
        return known;
      }
      int messages = errors.size();
      StructureDefinition found = super.getDefinition(errors, line, col, name);
      if (found != null && errors.size() == messages) {
        definitions.byType().put(name, found);
      }
      return found;
    }
  }
}
