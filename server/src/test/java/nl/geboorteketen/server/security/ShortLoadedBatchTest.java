package nl.geboorteketen.server.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ca.uhn.fhir.rest.api.server.IPreResourceAccessDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.Test;

/**
 * HAPI hands the filter a search batch of ids and loads the resources only when asked; when one was
 * deleted in between it loads fewer, and asking for position i fails (hapi-fhir#8071) — a 500 for
 * the whole search ("Index N out of bounds"). The filter leaves such a batch to the show hook.
 */
class ShortLoadedBatchTest {

  /** Three ids found, none of them left to load: as JpaPreResourceAccessDetails behaves then. */
  private static final class ShortBatch implements IPreResourceAccessDetails {
    final List<IBaseResource> loaded = List.of();
    final boolean[] blocked = new boolean[3];

    @Override
    public int size() {
      return 3;
    }

    @Override
    public IBaseResource getResource(int index) {
      return loaded.get(index);
    }

    @Override
    public void setDontReturnResourceAtIndex(int index) {
      blocked[index] = true;
    }
  }

  @Test
  void aBatchLoadedShortIsNotAFailure() {
    SystemRequestDetails request = new SystemRequestDetails();
    request.getUserData().put(AuthenticationInterceptor.class.getName() + ".caller",
        new Caller("kraamzorg-test", "ehr", "Organization/elsewhere", "kraamzorg", null, Set.of("system/*.rs")));
    // no scope needed: a short batch is decided on nothing it holds
    FamilyFilterInterceptor filter = new FamilyFilterInterceptor(null, null, null);
    ShortBatch batch = new ShortBatch();
    assertDoesNotThrow(() -> filter.beforeAccess(batch, request));
    for (boolean b : batch.blocked) {
      assertFalse(b, "positions that no longer match their ids decide nothing");
    }
  }
}
