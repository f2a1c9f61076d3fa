package se.socialportal.platform.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AccessLogTest {

  @ParameterizedTest(name = "{0} is logged as {1}")
  @CsvSource({
    "/api/v1/person/191212121212,           /api/v1/person/[masked]",
    "/api/v1/person/19121212-1212/cases,    /api/v1/person/[masked]/cases",
    "/x/121212-1212,                        /x/[masked]",
    "/x/1212121212,                         /x/[masked]",
    "/api/v1/cases/7d1e0c6a-53d4-4c5b-9a43-0b3c1f2a9e11, /api/v1/cases/7d1e0c6a-53d4-4c5b-9a43-0b3c1f2a9e11",
    "/api/v1/provrakning,                   /api/v1/provrakning",
    "/api/v1/months/2025-10,                /api/v1/months/2025-10"
  })
  void personnummerNeverReachTheLog(String path, String logged) {
    assertEquals(logged, AccessLog.safePath(path));
  }
}
