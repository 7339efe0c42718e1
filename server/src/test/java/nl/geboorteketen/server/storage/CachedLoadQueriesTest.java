package nl.geboorteketen.server.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.jpa.dao.data.IResourceHistoryTableDao;
import ca.uhn.fhir.jpa.dao.data.IResourceHistoryTagDao;
import ca.uhn.fhir.jpa.model.dao.JpaPid;
import ca.uhn.fhir.jpa.model.entity.ResourceHistoryTable;
import ca.uhn.fhir.jpa.model.entity.ResourceHistoryTablePk;
import ca.uhn.fhir.jpa.model.entity.ResourceHistoryTag;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import nl.geboorteketen.server.support.Fixtures;
import nl.geboorteketen.server.support.TestServer;
import org.hibernate.SessionFactory;
import org.hibernate.query.sqm.internal.QuerySqmImpl;
import org.hibernate.query.sqm.internal.SqmInterpretationsKey;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.aop.framework.Advised;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** HAPI's two load queries answer as before, through a translation Hibernate keeps (H2 and PostgreSQL). */
@Tag("storage")
class CachedLoadQueriesTest {

  private static final String HAPI_CURRENT_VERSIONS = "SELECT v FROM ResourceHistoryTable v JOIN FETCH"
      + " v.myResourceTable t WHERE t.myPid IN (:pids) AND t.myVersion = v.myResourceVersion";
  private static final String HAPI_TAGS = "SELECT t FROM ResourceHistoryTag t LEFT JOIN FETCH t.myTag"
      + " WHERE t.myResourceHistory.myId IN (:historyPids)";

  private static List<JpaPid> stored;
  private static JpaPid missing;

  @BeforeAll
  static void aStoreWithRecords() {
    Fixtures.storeNewFamily();
    Fixtures.storeNewFamily();
    List<JpaPid> pids = inTransaction(em -> em.createQuery(
        "SELECT t.myPid FROM ResourceTable t WHERE t.myDeleted IS NULL ORDER BY t.myPid.myId DESC", JpaPid.class)
        .setMaxResults(40).getResultList());
    assertTrue(pids.size() >= 20, "a store with records: " + pids.size());
    stored = pids;
    missing = JpaPid.fromId(Long.MAX_VALUE - 7);
  }

  @Test
  void bothRepositoriesAnswerThroughIt() {
    for (Class<?> dao : List.of(IResourceHistoryTableDao.class, IResourceHistoryTagDao.class)) {
      Advised proxy = (Advised) TestServer.shared().bean(dao);
      assertTrue(Arrays.stream(proxy.getAdvisors())
          .anyMatch(a -> a.getAdvice().getClass().getEnclosingClass() == CachedLoadQueries.class), dao.getName());
    }
  }

  @ParameterizedTest(name = "{0} ids, {1} of them missing, {2} repeated")
  @CsvSource({"1,0,0", "2,0,0", "3,0,0", "4,0,0", "5,1,0", "8,0,0", "9,0,2", "17,1,1", "1,1,0", "20,0,20"})
  void theSameCurrentVersionsAndTagsAsHapisQuery(int count, int missingOnes, int repeated) {
    List<JpaPid> ids = new ArrayList<>(stored.subList(0, count - missingOnes));
    IntStream.range(0, missingOnes).forEach(i -> ids.add(missing));
    IntStream.range(0, repeated).forEach(i -> ids.add(ids.get(i % ids.size())));
    inTransaction(em -> {
      List<ResourceHistoryTable> versions = TestServer.shared().bean(IResourceHistoryTableDao.class)
          .findCurrentVersionsByResourcePidsAndFetchResourceTable(ids);
      List<ResourceHistoryTable> hapis = em.createQuery(HAPI_CURRENT_VERSIONS, ResourceHistoryTable.class)
          .setParameter("pids", ids).getResultList();
      assertEquals(keys(hapis, v -> v.getId().toString()), keys(versions, v -> v.getId().toString()));
      assertEquals(count - missingOnes, keys(versions, v -> v.getId().toString()).size());

      List<ResourceHistoryTablePk> historyIds = versions.stream().map(ResourceHistoryTable::getId).toList();
      Collection<ResourceHistoryTag> tags = TestServer.shared().bean(IResourceHistoryTagDao.class)
          .findByVersionIds(historyIds);
      List<ResourceHistoryTag> hapiTags = em.createQuery(HAPI_TAGS, ResourceHistoryTag.class)
          .setParameter("historyPids", historyIds).getResultList();
      assertEquals(keys(hapiTags, t -> t.getId() + " " + t.getTag().getCode()),
          keys(tags, t -> t.getId() + " " + t.getTag().getCode()));
      return null;
    });
  }

  @Test
  void storedRecordsHaveTagsToCompare() {
    long tagged = inTransaction(em -> em.createQuery("SELECT count(t) FROM ResourceHistoryTag t", Long.class)
        .getSingleResult());
    assertTrue(tagged > 0, "the fixtures' profiles are stored as tags");
  }

  @Test
  void moreIdsThanItTakesGoToHapisQuery() {
    List<JpaPid> many = new ArrayList<>(stored);
    while (many.size() <= CachedLoadQueries.MAX_IDS) {
      many.add(missing);
    }
    int found = inTransaction(em -> TestServer.shared().bean(IResourceHistoryTableDao.class)
        .findCurrentVersionsByResourcePidsAndFetchResourceTable(many).size());
    assertEquals(stored.size(), found);
  }

  @Test
  void outsideATransactionTheRepositoryStillRefuses() {
    assertThrows(IllegalTransactionStateException.class, () -> TestServer.shared()
        .bean(IResourceHistoryTableDao.class).findCurrentVersionsByResourcePidsAndFetchResourceTable(stored));
  }

  @Test
  void hibernateReusesTheTranslation() {
    Statistics statistics = TestServer.shared().bean(EntityManagerFactory.class).unwrap(SessionFactory.class)
        .getStatistics();
    boolean wasEnabled = statistics.isStatisticsEnabled();
    statistics.setStatisticsEnabled(true);
    statistics.clear();
    try {
      for (int count : new int[] {5, 6, 7, 8, 5, 1, 1, 1}) {
        inTransaction(em -> TestServer.shared().bean(IResourceHistoryTableDao.class)
            .findCurrentVersionsByResourcePidsAndFetchResourceTable(stored.subList(0, count)));
      }
      String eight = CachedLoadQueries.CURRENT_VERSIONS.hql(8);
      // a kept query counts two hits a call (its HQL and its plan), one that is not kept one at most
      assertTrue(statistics.getQueryStatistics(eight).getPlanCacheHitCount() >= 8,
          "hits of " + eight + ": " + statistics.getQueryStatistics(eight).getPlanCacheHitCount());
      assertFalse(eight.contains(":p8"));
      String one = CachedLoadQueries.CURRENT_VERSIONS.hql(1);
      assertTrue(statistics.getQueryStatistics(one).getPlanCacheHitCount() >= 4,
          "hits of " + one + ": " + statistics.getQueryStatistics(one).getPlanCacheHitCount());
    } finally {
      statistics.setStatisticsEnabled(wasEnabled);
    }
  }

  /** Hibernate keeps a translation only for a query it gives a key; the one-id query included. */
  @ParameterizedTest(name = "{0} parameters")
  @CsvSource({"1", "2", "4", "32", "1024"})
  void everyLengthIsAQueryHibernateKeeps(int parameters) {
    for (CachedLoadQueries.LoadQuery load : List.of(CachedLoadQueries.CURRENT_VERSIONS, CachedLoadQueries.TAGS)) {
      Object id = load == CachedLoadQueries.TAGS ? new ResourceHistoryTablePk() : stored.get(0);
      boolean kept = inTransaction(em -> {
        TypedQuery<?> query = em.createQuery(load.hql(parameters), load.selects());
        IntStream.range(0, parameters).forEach(i -> query.setParameter("p" + i, id));
        return SqmInterpretationsKey.createInterpretationsKey(query.unwrap(QuerySqmImpl.class)) != null;
      });
      assertTrue(kept, load.hql(parameters));
    }
  }

  @ParameterizedTest(name = "{0} ids take {1} parameters")
  @CsvSource({"1,1", "2,2", "3,4", "4,4", "5,8", "500,512", "512,512", "513,1024", "1024,1024"})
  void idsArePaddedToAPowerOfTwo(int ids, int parameters) {
    assertEquals(parameters, CachedLoadQueries.LoadQuery.parameters(ids));
    String hql = CachedLoadQueries.TAGS.hql(parameters);
    assertEquals(parameters, hql.split(":p", -1).length - 1);
    assertEquals(parameters > 1, hql.contains(" IN (:p0"), hql);
  }

  private static <T> Set<String> keys(Collection<T> rows, Function<T, String> key) {
    return rows.stream().map(key).collect(Collectors.toCollection(TreeSet::new));
  }

  private static <T> T inTransaction(Function<EntityManager, T> work) {
    EntityManager em = SharedEntityManagerCreator.createSharedEntityManager(
        TestServer.shared().bean(EntityManagerFactory.class));
    return new TransactionTemplate(TestServer.shared().bean(PlatformTransactionManager.class))
        .execute(status -> work.apply(em));
  }
}
