package nl.geboorteketen.server.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Every match of an internal search, made by the server on its own behalf. The caller's access to
 * the record is checked where the operation is entered; a search carrying the HTTP request's
 * details would be paged (and cut) by the endpoint's default page size.
 */
public final class Searches {

  private static final int PAGE = 500;
  private static final int MAX = 10_000;

  private Searches() {}

  public static <T extends IBaseResource> List<T> all(DaoRegistry daos, Class<T> type, SearchParameterMap map) {
    if (map.getCount() == null) {
      // Without an explicit count HAPI applies the endpoint's default page size to a search inside a request.
      map.setCount(MAX);
      map.setLoadSynchronousUpTo(MAX);
    }
    IBundleProvider found = daos.getResourceDao(type).search(map, new SystemRequestDetails());
    Map<String, T> result = new LinkedHashMap<>();
    Integer size = found.size();
    int from = 0;
    while (size == null || from < size) {
      // Pages may come back shorter than asked (default page size, filtering interceptors): advance by what came.
      List<IBaseResource> page = found.getResources(from, from + PAGE);
      if (page.isEmpty()) {
        break;
      }
      int before = result.size();
      page.forEach(r -> result.putIfAbsent(r.getIdElement().toUnqualifiedVersionless().getValue(), type.cast(r)));
      if (result.size() == before) {
        break;
      }
      from += page.size();
    }
    return new ArrayList<>(result.values());
  }
}
