package org.cabackoffice.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One run of issue 12's comparison: the engine's floor in this JVM, then the same path end to end
 * through a running back office's HTTP API, one after the other so that neither takes the other's
 * CPU; prints both rates and their ratio and writes everything to {@code target/load-run.json}.
 * With M &gt; 0, issue 15's ACME leg follows on the same node ({@link AcmeOrderLoad}: M orders for
 * the organization the applications validated, K clients), so both paths are measured in one run.
 *
 * <p>Arguments: base URL of the running back office, N applications, K drivers, floor instances,
 * M ACME orders (default 0: none), the node's http-01 port ({@code backoffice.acme.http01-port}).
 */
public final class LoadRun {

  public static void main(String[] args) throws Exception {
    String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int k = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    int floorN = args.length > 3 ? Integer.parseInt(args[3]) : 50;
    int acmeOrders = args.length > 4 ? Integer.parseInt(args[4]) : 0;
    int http01Port = args.length > 5 ? Integer.parseInt(args[5]) : 5002;
    ObjectMapper json = new ObjectMapper();
    ObjectNode floor = EngineFloor.run(Path.of(".."), floorN, k);
    ObjectNode endToEnd = EndToEndLoad.runAgainst(base, n, k);
    double ratio = endToEnd.get("applicationsPerSecond").asDouble() / floor.get("instancesPerSecond").asDouble();
    ObjectNode result = json.createObjectNode();
    result.set("engineFloor", floor);
    result.set("endToEnd", endToEnd);
    result.put("ratio", ratio);
    if (acmeOrders > 0) {
      result.set("acmeOrders", AcmeOrderLoad.runAgainst(base, acmeOrders, k, http01Port));
    }
    result.put("machine", machine());
    System.out.printf(
        "end to end %.3f applications/s, engine floor %.2f instances/s (%d drivers each): ratio %.3f%n",
        endToEnd.get("applicationsPerSecond").asDouble(), floor.get("instancesPerSecond").asDouble(), k, ratio);
    if (acmeOrders > 0) {
      System.out.printf("ACME: %.3f orders/s (%d clients)%n", result.get("acmeOrders").get("ordersPerSecond").asDouble(), k);
    }
    Path out = Path.of("target/load-run.json");
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, json.writerWithDefaultPrettyPrinter().writeValueAsString(result));
    System.out.println("JSON: " + out);
  }

  static String machine() {
    return Runtime.getRuntime().availableProcessors() + " CPUs, Java " + System.getProperty("java.version")
        + ", " + System.getProperty("os.name") + " " + System.getProperty("os.version")
        + "; load average at the end " + java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
