/**
 * `style_checker` lexicons: acronyms that are not shouting, HTML elements for tag balance.
 * Boilerplate refusals come from `refusals.ts`.
 */

/** A set from whitespace-separated words. */
function words(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter((w) => w !== ''));
}

/** Upper-case words that are acronyms or initialisms, not shouting. */
export const ACRONYMS: ReadonlySet<string> = words(`
  API APIS AWS GCP CPU GPU TPU RAM ROM SSD HDD USB HTTP HTTPS HTML CSS JSON XML YAML TOML
  CSV TSV SQL URL URI URN DNS TCP UDP IP SSH SSL TLS VPN LAN WAN NAT CDN REST CRUD JWT SDK
  IDE CLI GUI UI UX OS IOS PC MAC AI ML LLM LLMS NLP GPT RAG OCR PDF PNG JPEG JPG GIF SVG
  MP3 MP4 ASCII UTF ISO IEEE RFC W3C DOM NPM PHP JVM GCC LLVM CI CD QA SLA SLO KPI ROI SAAS
  PAAS IAAS B2B B2C ID IDS UUID GUID OK FAQ EOF TODO FIXME README GET POST PUT PATCH DELETE
  HEAD OPTIONS NULL TRUE FALSE NAN SHA MD5 AES RSA OTP MFA SSO LDAP OAUTH SAML CORS CSRF XSS
  IO RGB CMYK HDMI LED LCD OLED WIFI GPS SMS MMS IMAP SMTP FTP SFTP NFS RAID BIOS UEFI VM
  VMS K8S EC2 S3 IAM VPC ARN GDPR HIPAA PCI DSS SOC PII PHI CVE CVSS OWASP NASA ESA NOAA FBI
  CIA NSA DOJ FDA CDC WHO UN UNESCO UNICEF NATO EU UK US USA UAE USSR NYC LA DC SF BBC CNN
  NBC CBS ABC NPR NBA NFL MLB NHL FIFA UEFA IBM HP AMD MIT UCLA NYU IMF WTO OPEC DNA RNA
  MRNA HIV AIDS COVID SARS MRI CT ECG EKG ICU ER BMI ADHD PTSD OCD CEO CTO CFO COO VP HR PR
  PHD MBA BSC MSC MD RN GPA SAT ACT GCSE IELTS TOEFL ETA ASAP FYI AKA DIY RSVP TBD TBA FAQS
  ATM PIN VAT GDP CPI IPO ETF LLC INC LTD PLC AM PM BC AD BCE CE UTC GMT EST PST CET TV DVD
  VR AR XR EV EVS CO2 H2O PH UV IQ DJ MC RIP VIP Q1 Q2 Q3 Q4 II III IV VI VII VIII IX XI XII
 
`);

/** HTML elements that never have a closing tag. */
export const VOID_ELEMENTS: ReadonlySet<string> = words(`
  area base br col embed hr img input link meta param source track wbr !doctype
`);

/** HTML elements: a tag with one of these names is markup even after a word ("text<b>"). */
export const HTML_ELEMENTS: ReadonlySet<string> = words(`
  a abbr article aside b blockquote body button caption code dd details div dl dt em
  figcaption figure footer form h1 h2 h3 h4 h5 h6 head header html i kbd label li main mark
  nav ol option p pre q s section select small span strong sub summary sup table tbody td
  textarea tfoot th thead title tr u ul script style svg video audio canvas iframe noscript
  template
`);
