package nl.geboorteketen.server.rules;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.param.UriParam;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.sql.DataSource;
import nl.geboorteketen.server.fhir.AfterTransaction;
import nl.geboorteketen.server.packages.ProfilePackage;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Library;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Rule tables (LIP, own-contribution rates, …) are FHIR Libraries with a JSON attachment. The
 * active one with the newest update wins, so a provider loads its own version by POSTing a Library
 * with the same url — no code change, no restart. Until one is stored, the package's own is used.
 *
 * <p>Which Library is current is remembered until any Library changes. Whether one changed is one
 * small query ({@link #librariesFingerprint}) instead of a search that parsed the whole Library
 * every time (38 % of a {@code $lip-indicatie} call's CPU). That query was itself 5 % of the
 * burst's CPU when run on every call, so one answer serves the calls of the next half second,
 * unless a Library was written through this node since: such a write counts from its commit on,
 * one stored through another node on the same database within half a second, as the ledger's
 * changes do.
 */
public class RuleTableStore {

  /** Rows and versions of every Library: any create, update or delete changes one of them. */
  private static final String FINGERPRINT =
      "SELECT COUNT(*), COALESCE(SUM(RES_VER), 0) FROM HFJ_RESOURCE WHERE RES_TYPE = 'Library'";

  /** How long one read of the fingerprint serves other calls, for writes made through other nodes. */
  private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

  private record Current(String fingerprint, String key, Library library) {}

  private record Checked(String fingerprint, long localWrites, long atNanos) {}

  private final DaoRegistry daos;
  private final DataSource dataSource;
  private final FhirContext ctx;
  private final ProfilePackage pkg;
  private final Map<String, Current> currentByUrl = new ConcurrentHashMap<>();
  private final Map<String, Object> parsed = new ConcurrentHashMap<>();
  /** Library writes committed through this node; a change makes the next call read the fingerprint. */
  private final AtomicLong localWrites = new AtomicLong();
  private volatile Checked checked;

  public RuleTableStore(DaoRegistry daos, DataSource dataSource, FhirContext ctx, ProfilePackage pkg) {
    this.daos = daos;
    this.dataSource = dataSource;
    this.ctx = ctx;
    this.pkg = pkg;
  }

  /** The current table with this canonical url, parsed by {@code parser} (cached per version). */
  @SuppressWarnings("unchecked")
  public <T> T current(String url, Function<byte[], T> parser) {
    // read before the search: a change in between is then seen (and searched again) on the next call
    String fingerprint = fingerprint();
    Current current = currentByUrl.get(url);
    if (current == null || !current.fingerprint().equals(fingerprint)) {
      Library library = stored(url).orElseGet(() -> fromPackage(url));
      String key = url + "|" + library.getVersion() + "|" + library.getMeta().getVersionId()
          + "|" + library.getIdElement().getIdPart();
      current = new Current(fingerprint, key, library);
      currentByUrl.put(url, current);
    }
    Library library = current.library();
    return (T) parsed.computeIfAbsent(current.key(), k -> parser.apply(content(library)));
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
  public void created(IBaseResource resource) {
    countAfterCommit(resource);
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
  public void updated(IBaseResource previous, IBaseResource updated) {
    countAfterCommit(updated);
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
  public void deleted(IBaseResource resource) {
    countAfterCommit(resource);
  }

  /** After the commit, not before: a call that read the fingerprint in between would keep the old one. */
  private void countAfterCommit(IBaseResource resource) {
    if (!(resource instanceof Library)) {
      return;
    }
    AfterTransaction.run(localWrites::incrementAndGet);
  }

  private String fingerprint() {
    // the count is read before the query: a write committed during it makes the next call query again
    long writes = localWrites.get();
    long now = System.nanoTime();
    Checked last = checked;
    if (last != null && last.localWrites() == writes && now - last.atNanos() < RECHECK_NANOS) {
      return last.fingerprint();
    }
    String fingerprint = librariesFingerprint();
    checked = new Checked(fingerprint, writes, now);
    return fingerprint;
  }

  private String librariesFingerprint() {
    Connection c = DataSourceUtils.getConnection(dataSource);
    try (PreparedStatement st = c.prepareStatement(FINGERPRINT); ResultSet rs = st.executeQuery()) {
      rs.next();
      return rs.getLong(1) + "/" + rs.getLong(2);
    } catch (SQLException e) {
      throw new IllegalStateException("The rule tables could not be looked up: " + e.getMessage(), e);
    } finally {
      DataSourceUtils.releaseConnection(c, dataSource);
    }
  }

  private Optional<Library> stored(String url) {
    SearchParameterMap map = SearchParameterMap.newSynchronous()
        .add(Library.SP_URL, new UriParam(url))
        .add(Library.SP_STATUS, new TokenParam("active"));
    map.setSort(new SortSpec("_lastUpdated", SortOrderEnum.DESC));
    map.setCount(1);
    List<IBaseResource> found = daos.getResourceDao(Library.class)
        .search(map, new SystemRequestDetails()).getResources(0, 1);
    return found.stream().map(Library.class::cast).findFirst();
  }

  private Library fromPackage(String url) {
    return findInPackage(ctx, pkg, url)
        .orElseThrow(() -> new IllegalStateException("No rule table " + url + " in the store or the package"));
  }

  /** The Library with this url from the package itself (a copy: the package's resources are shared). */
  public static Optional<Library> findInPackage(FhirContext ctx, ProfilePackage pkg, String url) {
    return pkg.resources(ctx, Library.class)
        .filter(lib -> url.equals(lib.getUrl()))
        .findFirst()
        .map(Library::copy);
  }

  /** The JSON rule table inside a Library. */
  public static byte[] content(Library library) {
    return library.getContent().stream()
        .filter(a -> "application/json".equals(a.getContentType()) && a.hasData())
        .map(Attachment::getData)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("Library " + library.getUrl() + " has no application/json content"));
  }
}
