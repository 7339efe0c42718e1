package nl.geboorteketen.server.programme;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One row per programme in the database, locked (SELECT … FOR UPDATE) for the transaction in which
 * an enrolment re-checks capacity and is stored: enrolments for one programme are serialised across
 * every server node on the same database, not only within one process.
 */
public class EnrolmentLock {

  private static final String TABLE = "GK_ENROLMENT_LOCK";

  private final DataSource dataSource;
  private final TransactionTemplate transaction;

  public EnrolmentLock(DataSource dataSource, PlatformTransactionManager transactions) {
    this.dataSource = dataSource;
    this.transaction = new TransactionTemplate(transactions);
    createTable();
  }

  /** Runs the work in one transaction that holds the programme's lock row until it commits. */
  public <T> T whileHolding(String programme, Supplier<T> work) {
    ensureRow(programme);
    return transaction.execute(status -> {
      Connection c = DataSourceUtils.getConnection(dataSource);
      try (PreparedStatement lock = c.prepareStatement("SELECT PROGRAMME FROM " + TABLE + " WHERE PROGRAMME = ? FOR UPDATE")) {
        lock.setString(1, programme);
        lock.executeQuery().close();
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot lock enrolments for " + programme, e);
      }
      return work.get();
    });
  }

  private void createTable() {
    try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (PROGRAMME VARCHAR(200) PRIMARY KEY)");
    } catch (SQLException e) {
      // another node created it at the same moment; ensureRow fails loudly if it is really missing
    }
  }

  private void ensureRow(String programme) {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement find = c.prepareStatement("SELECT 1 FROM " + TABLE + " WHERE PROGRAMME = ?")) {
        find.setString(1, programme);
        try (ResultSet rs = find.executeQuery()) {
          if (rs.next()) {
            return;
          }
        }
      }
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + TABLE + " (PROGRAMME) VALUES (?)")) {
        insert.setString(1, programme);
        insert.executeUpdate();
      } catch (SQLException insertedByAnother) {
        // the other node's row serves as well
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot prepare the enrolment lock for " + programme, e);
    }
  }
}
