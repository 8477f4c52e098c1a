import java.net.URI;
import java.net.http.*;
import java.time.Duration;
public class Probe {
  public static void main(String[] a) throws Exception {
    int n = Integer.parseInt(a[1]); int fails = 0;
    HttpClient.Version v = a.length > 2 ? HttpClient.Version.valueOf(a[2]) : HttpClient.Version.HTTP_2;
    for (int i = 0; i < n; i++) {
      HttpClient c = HttpClient.newBuilder().version(v).build();
      try {
        HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create(a[0])).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) { fails++; System.out.println(i + " status " + r.statusCode()); }
      } catch (Exception e) { fails++; System.out.println(i + " " + e); }
    }
    System.out.println("fails " + fails + "/" + n);
  }
}
