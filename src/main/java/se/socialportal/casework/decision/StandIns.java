package se.socialportal.casework.decision;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import se.socialportal.casework.delegation.DelegationCheck;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The absences (staff_absence) a staff member stands in for on a day. */
public final class StandIns {

  private static final String TODAY = "SELECT ab.id, ab.staff_id, s.name, s.roles FROM staff_absence ab "
    + "JOIN staff_member s ON s.id = ab.staff_id WHERE ab.tenant_id = $1 AND ab.deputy_id = $2 "
    + "AND $3 BETWEEN ab.from_date AND ab.to_date ORDER BY ab.from_date, ab.id";

  private StandIns() {
  }

  public static Future<List<DelegationCheck.StandIn>> of(SqlClient client, String tenantId, UUID deputy, LocalDate day) {
    return client.preparedQuery(TODAY).execute(Tuple.of(tenantId, deputy, day)).map(rows -> {
      List<DelegationCheck.StandIn> list = new ArrayList<>();
      for (Row row : rows) {
        list.add(new DelegationCheck.StandIn(row.getUUID("id").toString(), row.getUUID("staff_id").toString(),
          row.getString("name"), Set.of(row.getArrayOfStrings("roles"))));
      }
      return list;
    });
  }
}
