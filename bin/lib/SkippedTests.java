import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Fails the test command when any test was skipped (part of {@code bin/warroom test}): reads every module's
 * {@code target/surefire-reports/TEST-*.xml} and {@code target/failsafe-reports/TEST-*.xml} and lists each test case
 * that carries a {@code <skipped>} element (a disabled test, a failed assumption). Run with the JDK's source launcher:
 *
 * <pre>java bin/lib/SkippedTests.java ROOT [SINCE_FILE]</pre>
 *
 * With SINCE_FILE, only reports written after that file was touched count (the reports of this run, not stale ones of
 * an earlier run). Exit code 0: nothing skipped; 1: something was skipped (listed); 2: a report could not be read.
 */
public final class SkippedTests {
    private SkippedTests() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        FileTime since = args.length > 1 ? Files.getLastModifiedTime(Path.of(args[1])) : null;
        List<Path> reports = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root, 6)) {
            walk.filter(p -> p.getFileName().toString().startsWith("TEST-") && p.toString().endsWith(".xml"))
                    .filter(p -> {
                        String parent = p.getParent().getFileName().toString();
                        return parent.equals("surefire-reports") || parent.equals("failsafe-reports");
                    })
                    .filter(p -> !p.toString().contains("/node_modules/"))
                    .filter(p -> since == null || modified(p).compareTo(since) >= 0)
                    .sorted()
                    .forEach(reports::add);
        }
        List<String> skipped = new ArrayList<>();
        int cases = 0;
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        for (Path report : reports) {
            try {
                NodeList testcases = factory.newDocumentBuilder().parse(report.toFile()).getElementsByTagName("testcase");
                for (int i = 0; i < testcases.getLength(); i++) {
                    Element testcase = (Element) testcases.item(i);
                    cases++;
                    NodeList marks = testcase.getElementsByTagName("skipped");
                    if (marks.getLength() > 0) {
                        String why = ((Element) marks.item(0)).getAttribute("message");
                        skipped.add(testcase.getAttribute("classname") + "." + testcase.getAttribute("name")
                                + (why.isBlank() ? "" : " — " + why) + "  (" + root.relativize(report) + ")");
                    }
                }
            } catch (Exception e) {
                System.err.println("cannot read the test report " + root.relativize(report) + ": " + e);
                System.exit(2);
            }
        }
        if (!skipped.isEmpty()) {
            System.err.println(skipped.size() + " of " + cases + " tests were skipped (every test must run):");
            skipped.forEach(s -> System.err.println("  skipped: " + s));
            System.exit(1);
        }
        System.out.println(cases + " tests in " + reports.size() + " reports, none skipped");
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
