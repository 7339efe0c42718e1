package nl.geboorteketen.server.rules;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.util.Map;
import java.util.function.Function;
import nl.geboorteketen.server.fhir.Problems;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Library;

/**
 * A provider loads its own rule table by storing a Library with a known url; a table the
 * operations cannot read is refused at write time (422), so a bad upload never breaks them.
 */
@Interceptor
public class RuleTableValidationInterceptor {

  private final Map<String, Function<byte[], ?>> parsers;

  public RuleTableValidationInterceptor(Map<String, Function<byte[], ?>> parsers) {
    this.parsers = Map.copyOf(parsers);
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
  public void created(IBaseResource resource) {
    check(resource);
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
  public void updated(IBaseResource previous, IBaseResource resource) {
    check(resource);
  }

  private void check(IBaseResource resource) {
    if (!(resource instanceof Library library) || !parsers.containsKey(library.getUrl())) {
      return;
    }
    byte[] content;
    try {
      content = RuleTableStore.content(library);
    } catch (IllegalStateException e) {
      throw Problems.of(422, "Library.content", "De regeltabel " + library.getUrl()
          + " heeft geen inhoud: voeg content toe met contentType application/json en de tabel als data.");
    }
    try {
      parsers.get(library.getUrl()).apply(content);
    } catch (RuntimeException e) {
      throw Problems.of(422, "Library.content[0].data", "De regeltabel " + library.getUrl()
          + " is niet bruikbaar: " + e.getMessage());
    }
  }
}
