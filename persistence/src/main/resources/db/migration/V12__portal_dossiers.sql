-- Public service portal: dossiers (hồ sơ), whether submitted on the portal or reported by an
-- agency's one-stop system, their progress steps, submitted components, supplement requests, the
-- daily running numbers of dossier codes, public holidays for due dates, and the e-mail outbox.
-- Plain SQL that H2 2.x and PostgreSQL both accept. Field names in comments are the national
-- portal's (DongBoHoSoMC, CapNhatTienDoHoSoMC).

CREATE SEQUENCE portal_dossier_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE portal_dossier (
    id                BIGINT        PRIMARY KEY,
    code              VARCHAR(50)   NOT NULL,   -- MaHoSo, nationally unique
    procedure_code    VARCHAR(50)   NOT NULL,   -- MaTTHC
    procedure_name    VARCHAR(1000) NOT NULL,   -- TenTTHC
    field_code        VARCHAR(50)   NOT NULL,   -- MaLinhVuc
    field_name        VARCHAR(500)  NOT NULL,   -- TenLinhVuc
    applicant_type    SMALLINT      NOT NULL,   -- LoaiDoiTuong: 1 citizen, 2 business
    applicant_id      VARCHAR(20),              -- SoDinhDanh (or MaSoDoanhNghiep), null when not known
    applicant_name    VARCHAR(300),             -- ChuHoSo
    applicant_subject VARCHAR(100),             -- MaDoiTuong: the applicant's portal account
    email             VARCHAR(254)  NOT NULL,   -- Email
    phone             VARCHAR(20)   NOT NULL,   -- SoDienThoai
    summary           VARCHAR(2000) NOT NULL,   -- TrichYeuHoSo
    agency_code       VARCHAR(20)   NOT NULL,   -- the receiving agency (directory code)
    handling_unit     VARCHAR(300)  NOT NULL,   -- DonViXuLy
    channel           SMALLINT      NOT NULL,   -- KENH: 1 in person, 2 online, 3 postal
    delivery          SMALLINT      NOT NULL,   -- HinhThuc: 0 at the desk, 1 by post
    status            SMALLINT      NOT NULL,   -- TrangThaiHoSo 1..10
    received_at       TIMESTAMP WITH TIME ZONE NOT NULL,  -- NgayTiepNhan
    due_at            TIMESTAMP WITH TIME ZONE NOT NULL,  -- NgayHenTra
    returned_at       TIMESTAMP WITH TIME ZONE,           -- NgayTra
    finished_at       TIMESTAMP WITH TIME ZONE,           -- NgayKetThucXuLy
    status_at         TIMESTAMP WITH TIME ZONE NOT NULL,  -- when the current status was reached
    source            VARCHAR(10)   NOT NULL,   -- PORTAL (submitted here) or SYNC (reported by a one-stop system)
    reported_by       VARCHAR(100),             -- the one-stop system (client id) that reported it
    extra_json        VARCHAR(20000),           -- the optional DongBoHoSoMC fields, as sent
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    version           BIGINT        NOT NULL,
    CONSTRAINT portal_dossier_code_once UNIQUE (code)
);
CREATE INDEX portal_dossier_applicant_idx ON portal_dossier (applicant_id, received_at);
CREATE INDEX portal_dossier_agency_idx ON portal_dossier (agency_code, status, received_at);

CREATE SEQUENCE portal_dossier_step_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE portal_dossier_step (
    id            BIGINT        PRIMARY KEY,
    dossier_pk    BIGINT        NOT NULL REFERENCES portal_dossier (id),
    status        SMALLINT      NOT NULL,   -- TrangThai
    handled_at    TIMESTAMP WITH TIME ZONE NOT NULL,  -- ThoiDiemXuLy
    handler       VARCHAR(300),             -- NguoiXuLy
    handler_title VARCHAR(300),             -- ChucDanh
    unit          VARCHAR(300),             -- PhongBanXuLy
    content       VARCHAR(4000),            -- NoiDungXuLy
    started_at    TIMESTAMP WITH TIME ZONE, -- NgayBatDau
    due_at        TIMESTAMP WITH TIME ZONE, -- NgayKetThucTheoQuyDinh
    source        VARCHAR(10)   NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    -- (MaHoSo, status, step time) identifies a step: the same step reported again changes nothing.
    CONSTRAINT portal_dossier_step_once UNIQUE (dossier_pk, status, handled_at)
);

CREATE SEQUENCE portal_dossier_component_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE portal_dossier_component (
    id              BIGINT        PRIMARY KEY,
    dossier_pk      BIGINT        NOT NULL REFERENCES portal_dossier (id),
    component_code  VARCHAR(50)   NOT NULL,   -- MAGIAYTO of the procedure's component
    component_name  VARCHAR(500)  NOT NULL,   -- TENGIAYTO
    file_name       VARCHAR(255)  NOT NULL,
    content_type    VARCHAR(100)  NOT NULL,
    size_bytes      BIGINT        NOT NULL,
    sha256          VARCHAR(64)   NOT NULL,
    supplement_pk   BIGINT,                   -- the supplement request it answers, if any
    uploaded_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX portal_dossier_component_idx ON portal_dossier_component (dossier_pk);

-- DanhSachHoSoBoSung: what the officer asked for, and when the citizen answered.
CREATE SEQUENCE portal_supplement_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE portal_supplement (
    id            BIGINT        PRIMARY KEY,
    dossier_pk    BIGINT        NOT NULL REFERENCES portal_dossier (id),
    requested_by  VARCHAR(300)  NOT NULL,   -- NguoiYeuCauBoSung
    content       VARCHAR(4000) NOT NULL,   -- NoiDungBoSung
    requested_at  TIMESTAMP WITH TIME ZONE NOT NULL,  -- NgayBoSung
    answered_at   TIMESTAMP WITH TIME ZONE,           -- NgayTiepNhanBoSung
    previous_due  TIMESTAMP WITH TIME ZONE,           -- NgayHenTraTruoc
    new_due       TIMESTAMP WITH TIME ZONE            -- NgayHenTraMoi
);
CREATE INDEX portal_supplement_idx ON portal_supplement (dossier_pk);

-- Running numbers of dossier codes: per receiving agency and receipt day (Decree 61/2018).
-- "day" is quoted here and in the entities: DAY is a keyword of H2 2.x (PostgreSQL reads "day" as day).
CREATE TABLE portal_dossier_counter (
    agency_code  VARCHAR(20) NOT NULL,
    "day"        DATE        NOT NULL,
    last_number  INTEGER     NOT NULL,
    PRIMARY KEY (agency_code, "day")
);

-- Ngày nghỉ lễ: days that are not working days beyond Saturdays and Sundays, maintained by admins.
CREATE TABLE portal_holiday (
    "day" DATE         PRIMARY KEY,
    name  VARCHAR(200) NOT NULL
);
-- Vietnam's public holidays (Labour Code 2019, Art. 112) for 2026 and 2027 as we read the lunar
-- calendar and the usual moves of days off; admins correct them to the Government's yearly notice
-- and add later years (data, not code).
INSERT INTO portal_holiday ("day", name) VALUES
    (DATE '2026-01-01', 'Tết Dương lịch'),
    (DATE '2026-02-16', 'Tết Nguyên đán'),
    (DATE '2026-02-17', 'Tết Nguyên đán'),
    (DATE '2026-02-18', 'Tết Nguyên đán'),
    (DATE '2026-02-19', 'Tết Nguyên đán'),
    (DATE '2026-02-20', 'Tết Nguyên đán'),
    (DATE '2026-04-27', 'Giỗ Tổ Hùng Vương'),
    (DATE '2026-04-30', 'Ngày Chiến thắng'),
    (DATE '2026-05-01', 'Quốc tế Lao động'),
    (DATE '2026-09-01', 'Quốc khánh'),
    (DATE '2026-09-02', 'Quốc khánh'),
    (DATE '2027-01-01', 'Tết Dương lịch'),
    (DATE '2027-02-05', 'Tết Nguyên đán'),
    (DATE '2027-02-08', 'Tết Nguyên đán'),
    (DATE '2027-02-09', 'Tết Nguyên đán'),
    (DATE '2027-02-10', 'Tết Nguyên đán'),
    (DATE '2027-02-11', 'Tết Nguyên đán'),
    (DATE '2027-04-16', 'Giỗ Tổ Hùng Vương'),
    (DATE '2027-04-30', 'Ngày Chiến thắng'),
    (DATE '2027-05-03', 'Quốc tế Lao động (nghỉ bù)'),
    (DATE '2027-09-02', 'Quốc khánh'),
    (DATE '2027-09-03', 'Quốc khánh');

-- Notifications to applicants, written in the transaction that changed the dossier and sent
-- afterwards, so a status change is never announced without happening, nor lost if SMTP is down.
CREATE SEQUENCE portal_notification_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE portal_notification (
    id           BIGINT        PRIMARY KEY,
    dossier_pk   BIGINT        NOT NULL REFERENCES portal_dossier (id),
    recipient    VARCHAR(254)  NOT NULL,
    subject      VARCHAR(300)  NOT NULL,
    body         VARCHAR(8000) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at      TIMESTAMP WITH TIME ZONE,
    attempts     INTEGER       NOT NULL,
    next_try_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error   VARCHAR(500)
);
CREATE INDEX portal_notification_pending_idx ON portal_notification (sent_at, next_try_at);
