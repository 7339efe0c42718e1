package nl.geboorteketen.server.izk;

import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Resource;

/** An R4 answer, and what the IZK view does to it (still in R4, parsed once) before it is shown. */
record AdjustedAnswer(CapturedResponse r4, Consumer<Resource> adjust) {

  static AdjustedAnswer asIs(CapturedResponse r4) {
    return new AdjustedAnswer(r4, answer -> { });
  }
}
