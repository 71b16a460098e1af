package vn.egov.portal.application;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One administrative procedure (thủ tục hành chính, TTHC) of the catalogue as every other part of
 * the platform sees it: immutable, complete, shaped after the national procedure database's record
 * ({@code LayThuTuc}, PORTAL-SHARING.md A.3) so that nothing the national record says is lost.
 *
 * <p><b>Stable contract.</b> The dossier, payment and sign-in engineers build on this shape; fields
 * may be added at the end of a record, never renamed, removed or reordered. Lists are never null
 * (empty when the national record has nothing), texts that the record may omit are null.
 *
 * <p>Processing time and fees hang off <em>channel × case</em> (a procedure may take 3 working days
 * online and 5 in person, and cost less online); required documents hang off the <em>case</em>
 * ({@code TRUONGHOP}). A {@code caseName} of null means "every case".
 *
 * @param code MaTTHC, e.g. {@code "1.001193"}
 * @param name TenTTHC
 * @param publishingAgency code of the agency that published it (MACOQUANCONGBO), e.g. a ministry
 * @param onlineLevel 2 information, 3 partial online (một phần), 4 full online (toàn trình)
 * @param assuranceLevel the identity assurance level a citizen's sign-in must reach to submit
 *     (loA, 1 = any account; 2 = identity verified, e.g. VNeID level 2); default 1
 * @param published TRANGTHAI = 1: visible to everyone; otherwise only to its administrators
 * @param fields lĩnh vực (code + name)
 * @param implementingAgencies cơ quan thực hiện (COQUANTHUCHIEN)
 * @param steps trình tự thực hiện, per case
 * @param channels cách thức thực hiện: one entry per channel with its times and fees
 * @param components thành phần hồ sơ, per case
 * @param results kết quả thực hiện
 * @param legalBasis căn cứ pháp lý
 * @param applicants đối tượng thực hiện (MOTADOITUONGTHUCHIEN), free text
 * @param conditions yêu cầu, điều kiện (YEUCAU), free text
 */
public record ProcedureRecord(
        String code,
        String name,
        String publishingAgency,
        int onlineLevel,
        int assuranceLevel,
        boolean published,
        List<Field> fields,
        List<Agency> implementingAgencies,
        List<Steps> steps,
        List<Channel> channels,
        List<Components> components,
        List<Result> results,
        List<LegalDocument> legalBasis,
        String applicants,
        String conditions) {

    /** Information or forms only (Dịch vụ công). */
    public static final int LEVEL_INFORMATION = 2;
    /** Partial online (Dịch vụ công trực tuyến một phần): at least one step in person. */
    public static final int LEVEL_PARTIAL_ONLINE = 3;
    /** Full online (Dịch vụ công trực tuyến toàn trình): submission, payment and result online. */
    public static final int LEVEL_FULL_ONLINE = 4;

    public ProcedureRecord {
        fields = List.copyOf(fields == null ? List.of() : fields);
        implementingAgencies = List.copyOf(implementingAgencies == null ? List.of() : implementingAgencies);
        steps = List.copyOf(steps == null ? List.of() : steps);
        channels = List.copyOf(channels == null ? List.of() : channels);
        components = List.copyOf(components == null ? List.of() : components);
        results = List.copyOf(results == null ? List.of() : results);
        legalBasis = List.copyOf(legalBasis == null ? List.of() : legalBasis);
    }

    /** Whether a citizen may submit a dossier for it online (level 3 or 4). */
    public boolean submittableOnline() {
        return onlineLevel >= LEVEL_PARTIAL_ONLINE;
    }

    /** The given channel, if the procedure offers it. */
    public Optional<Channel> channel(ChannelKind kind) {
        return channels.stream().filter(c -> c.kind() == kind).findFirst();
    }

    /** The documents to submit in the given case: those of that case, or of every case. */
    public List<Document> documents(String caseName) {
        return components.stream()
                .filter(c -> c.caseName() == null || c.caseName().equals(caseName))
                .flatMap(c -> c.documents().stream())
                .toList();
    }

    /** Lĩnh vực: a field of administration, e.g. {@code "Hộ tịch"}. */
    public record Field(String code, String name) {}

    /** An agency, by its code (MADONVI; a directory code for our own agencies) and name. */
    public record Agency(String code, String name) {}

    /** Trình tự thực hiện for one case (null: every case): the steps in order. */
    public record Steps(String caseName, List<String> steps) {
        public Steps {
            steps = List.copyOf(steps == null ? List.of() : steps);
        }
    }

    /** Kênh: how a dossier reaches the agency (national codes 1, 2, 3). */
    public enum ChannelKind {
        IN_PERSON(1),
        ONLINE(2),
        POSTAL(3);

        private final int nationalCode;

        ChannelKind(int nationalCode) {
            this.nationalCode = nationalCode;
        }

        /** KENH in the national record. */
        public int nationalCode() {
            return nationalCode;
        }

        public static Optional<ChannelKind> ofNationalCode(int code) {
            for (ChannelKind k : values()) {
                if (k.nationalCode == code) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    /** One channel with its processing times (and their fees), one entry per case. */
    public record Channel(ChannelKind kind, List<Timing> timings) {
        public Channel {
            timings = List.copyOf(timings == null ? List.of() : timings);
        }

        /** The timing of the given case, or the one for every case. */
        public Optional<Timing> timing(String caseName) {
            return timings.stream()
                    .filter(t -> caseName != null && caseName.equals(t.caseName()))
                    .findFirst()
                    .or(() -> timings.stream().filter(t -> t.caseName() == null).findFirst());
        }
    }

    /**
     * Thời gian giải quyết in one channel and case (THOIGIAN): a number in a unit, with the fees
     * charged in that channel and case.
     *
     * @param caseName the case (TRUONGHOP) it applies to; null: every case
     * @param amount THOIGIANGIAIQUYET, e.g. 3, 0.5 (half a day); null when the record gives none
     * @param unit the unit
     * @param description MOTA, free text (e.g. "Ngay trong ngày tiếp nhận hồ sơ")
     * @param fees PHILEPHI
     */
    public record Timing(String caseName, BigDecimal amount, TimeUnit unit, String description, List<Fee> fees) {
        public Timing {
            fees = List.copyOf(fees == null ? List.of() : fees);
        }
    }

    /** DONVITINH, the unit of a processing time. */
    public enum TimeUnit {
        /** Ngày làm việc. */
        WORKING_DAY,
        /** Ngày (calendar days). */
        DAY,
        /** Giờ. */
        HOUR,
        /** Tháng. */
        MONTH
    }

    /**
     * A fee (phí) or charge (lệ phí) in one channel and case.
     *
     * @param code MAPHILEPHI
     * @param kind phí or lệ phí
     * @param amount SOTIEN in đồng (VND); 0 for "miễn lệ phí"
     * @param description MOTA, e.g. "Miễn lệ phí đối với trường hợp đăng ký đúng hạn"
     */
    public record Fee(String code, FeeKind kind, BigDecimal amount, String description) {}

    /** Phí (a fee for a service) or lệ phí (a charge for the State's act). */
    public enum FeeKind {
        /** Phí. */
        FEE,
        /** Lệ phí. */
        CHARGE
    }

    /** Thành phần hồ sơ for one case (null: every case). */
    public record Components(String caseName, List<Document> documents) {
        public Components {
            documents = List.copyOf(documents == null ? List.of() : documents);
        }
    }

    /**
     * Giấy tờ: one document of the dossier.
     *
     * @param code MAGIAYTO; also the form's code in the download path
     * @param name TENGIAYTO
     * @param originals number of originals (bản chính) asked for, 0 when not said
     * @param copies number of copies (bản sao), 0 when not said
     * @param formName TENMAUDON, the form's name, when there is a form
     * @param formUrl URL of the form as the national record publishes it (may be null)
     * @param formDownload our own download path ({@code /api/v1/portal/procedures/{code}/forms/{formCode}})
     *     when the platform holds the form's file, else null
     */
    public record Document(
            String code,
            String name,
            int originals,
            int copies,
            String formName,
            String formUrl,
            String formDownload) {}

    /** Kết quả thực hiện. */
    public record Result(String code, String name) {}

    /** Căn cứ pháp lý: a legal document by its number (SOVANBAN) and title (TENVANBAN). */
    public record LegalDocument(String number, String title) {}
}
