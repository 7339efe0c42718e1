package nl.geboorteketen.server.validation;

import java.util.concurrent.ConcurrentLinkedDeque;
import org.hl7.fhir.r5.context.IWorkerContext;
import org.hl7.fhir.r5.elementmodel.JsonParser;
import org.hl7.fhir.r5.elementmodel.ParserBase.ValidationPolicy;

/**
 * Element-model JSON parsers kept for reuse, one parse at a time each. Building one (its FHIRPath
 * engine lists every type of the packages) cost more than building a core validator; nothing in a
 * parser grows with what it parses, so a parser is kept as long as the pool has room.
 */
final class ElementParsers {

  private static final int IDLE = 8;

  private final ValidationPolicy policy;
  private final ConcurrentLinkedDeque<JsonParser> idle = new ConcurrentLinkedDeque<>();

  ElementParsers(ValidationPolicy policy) {
    this.policy = policy;
  }

  JsonParser take(IWorkerContext worker) {
    JsonParser parser = idle.pollFirst();
    if (parser == null) {
      parser = new JsonParser(worker);
      parser.setupValidation(policy);
    }
    return parser;
  }

  void giveBack(JsonParser parser) {
    if (idle.size() < IDLE) {
      idle.addFirst(parser);
    }
  }
}
