package nl.geboorteketen.server.storage;

import ca.uhn.fhir.jpa.dao.data.IResourceHistoryTableDao;
import ca.uhn.fhir.jpa.dao.data.IResourceHistoryTagDao;
import ca.uhn.fhir.jpa.model.entity.ResourceHistoryTable;
import ca.uhn.fhir.jpa.model.entity.ResourceHistoryTag;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.TypedQuery;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.orm.jpa.SharedEntityManagerCreator;

/**
 * HAPI loads every page of search results with two queries that take their ids as one list
 * parameter: the current versions of the records, then their tags. Hibernate 6.6 keeps no
 * translation of a query with a list parameter and translates it anew on every call
 * (docs/decisions.md, fifteenth round). Here those two repository methods run the same HQL with one
 * parameter per id instead, padded to a power of two by repeating the last id, so the translation
 * of each length is kept. A repeated value in an {@code IN} list matches nothing more, so the rows
 * are the same. Empty lists and lists longer than {@link #MAX_IDS} go to HAPI's own query.
 */
public final class CachedLoadQueries implements BeanPostProcessor {

  static final int MAX_IDS = 1024;

  static final LoadQuery CURRENT_VERSIONS = new LoadQuery("findCurrentVersionsByResourcePidsAndFetchResourceTable",
      ResourceHistoryTable.class, "SELECT v FROM ResourceHistoryTable v JOIN FETCH v.myResourceTable t"
          + " WHERE t.myPid %s AND t.myVersion = v.myResourceVersion");
  static final LoadQuery TAGS = new LoadQuery("findByVersionIds", ResourceHistoryTag.class,
      "SELECT t FROM ResourceHistoryTag t LEFT JOIN FETCH t.myTag WHERE t.myResourceHistory.myId %s");

  private final ObjectProvider<EntityManagerFactory> entityManagerFactory;
  private volatile EntityManager entityManager;

  public CachedLoadQueries(ObjectProvider<EntityManagerFactory> entityManagerFactory) {
    this.entityManagerFactory = entityManagerFactory;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof IResourceHistoryTableDao && bean instanceof Advised proxy) {
      install(proxy, CURRENT_VERSIONS);
    } else if (bean instanceof IResourceHistoryTagDao && bean instanceof Advised proxy) {
      install(proxy, TAGS);
    }
    return bean;
  }

  /**
   * Just before Spring Data's query execution: the repository's transaction rule (a transaction
   * must be running) and its exception translation still apply.
   */
  private void install(Advised proxy, LoadQuery query) {
    Advisor[] advisors = proxy.getAdvisors();
    int position = advisors.length;
    for (int i = 0; i < advisors.length; i++) {
      if (advisors[i].getAdvice().getClass().getSimpleName().equals("QueryExecutorMethodInterceptor")) {
        position = i;
        break;
      }
    }
    proxy.addAdvice(position, new Interceptor(query));
  }

  private EntityManager entityManager() {
    EntityManager em = entityManager;
    if (em == null) {
      em = SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory.getObject());
      entityManager = em;
    }
    return em;
  }

  /** One of the two queries: the repository method it answers, what it selects, its HQL around the ids. */
  record LoadQuery(String method, Class<?> selects, String hqlAroundIds) {

    /**
     * The HQL with parameters p0, p1, … for this many ids. One id is compared with {@code =}: Hibernate
     * takes the one parameter of {@code IN (:p0)} for a list parameter and would not keep the translation.
     */
    String hql(int parameters) {
      if (parameters == 1) {
        return hqlAroundIds.formatted("= :p0");
      }
      StringBuilder names = new StringBuilder("IN (:p0");
      for (int i = 1; i < parameters; i++) {
        names.append(", :p").append(i);
      }
      return hqlAroundIds.formatted(names.append(')'));
    }

    /** The number of parameters for this many ids: the next power of two. */
    static int parameters(int ids) {
      return ids <= 1 ? 1 : Integer.highestOneBit(ids - 1) << 1;
    }
  }

  private final class Interceptor implements MethodInterceptor {

    private final LoadQuery query;
    /** The HQL for 1, 2, 4, … MAX_IDS parameters, indexed by the power of two. */
    private final String[] hqlPerPower = new String[Integer.numberOfTrailingZeros(MAX_IDS) + 1];

    Interceptor(LoadQuery query) {
      this.query = query;
      for (int power = 0; power < hqlPerPower.length; power++) {
        hqlPerPower[power] = query.hql(1 << power);
      }
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
      Method method = invocation.getMethod();
      Object[] args = invocation.getArguments();
      if (!method.getName().equals(query.method()) || args.length != 1 || !(args[0] instanceof Collection<?> ids)
          || ids.isEmpty() || ids.size() > MAX_IDS) {
        return invocation.proceed();
      }
      List<?> values = new ArrayList<>(ids);
      int slots = LoadQuery.parameters(values.size());
      TypedQuery<?> typed = entityManager().createQuery(hqlPerPower[Integer.numberOfTrailingZeros(slots)],
          query.selects());
      for (int i = 0; i < slots; i++) {
        typed.setParameter("p" + i, values.get(Math.min(i, values.size() - 1)));
      }
      return new ArrayList<>(typed.getResultList());
    }
  }
}
