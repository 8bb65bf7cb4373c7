/**
 * Words that tell a person from a system. A person is a pronoun, a role, or a first name; a capitalised word that is
 * not a known first name (Kafka, Redis, Terraform) is treated as a system, so systems are never blamed.
 */
export const PRONOUNS = ['he', 'she', 'they', 'someone', 'somebody', 'nobody', 'whoever', 'you', 'we', 'i'];

export const ROLES = [
  'engineer',
  'engineers',
  'developer',
  'developers',
  'dev',
  'devs',
  'operator',
  'operators',
  'admin',
  'admins',
  'administrator',
  'sre',
  'sres',
  'on-call',
  'oncall',
  'on call',
  'intern',
  'interns',
  'new hire',
  'contractor',
  'manager',
  'lead',
  'tech lead',
  'team lead',
  'reviewer',
  'author',
  'dba',
  'dbas',
  'analyst',
  'tester',
  'qa',
  'release manager',
  'support agent',
  'person',
  'colleague',
  'junior',
  'senior',
  'captain',
  'release captain',
  'commander',
  'incident commander',
  'responder',
  'responders',
  'maintainer',
  'consultant',
  'freelancer',
  'newbie',
];

/** Common first names (international). Enough to recognise people in incident write-ups; not a census. */
export const FIRST_NAMES = `
aaron abby adam adrian ahmed aisha alan alberto alex alexa alexander alice alicia ali amanda amir amit amy ana andrea
andrew andy angela anil anita ann anna anne anthony antonio anu arjun ash ashley ben benjamin beth bill bob brad brian
bruno carl carla carlos carmen caroline cat charles charlie chen chloe chris christina claire clara colin craig dan
daniel dave david deepak diana diego dmitri dom dominic ed eddie elena eli elizabeth ella emily emma eric erik ethan
eva fatima felix fernando fiona francesca frank fred gabriel gary george grace greg hannah hans harry hassan helen
henry hiro hugo ian igor ingrid isabel ivan jack jake james jamie jan jane jason javier jay jen jennifer jeff jess
jessica jim joe john jon jonas jordan jose josh juan julia julie justin kai karen karl kate katie kevin kim kumar
kyle lara laura leo lena li liam lily linda lisa liz lucas lucy luis luke maria mark marta martin mary matt max maya
mei mia michael mike min mohamed mohammed nadia nat nathan neil nick nico nina noah olga oliver olivia omar oscar
pablo pat patrick paul pedro pete peter phil pierre priya rachel raj rahul ravi rebecca ric rich richard rob robert
ron rosa ross ruth ryan sam samir sandra sara sarah scott sean sergei shawn simon sofia sophie stefan steve steven
sue sunil susan tara ted tim tina tom tommy tony tyler uma vera victor vikram vincent wei will william xavier yuki
yusuf zach zoe
abdul adel adriana ahmad aiden akira alejandro alessandro ali alina alisha amara amelia anders andre andrei aneesh
angelo anjali ansel antoine anya aria ariel arthur asha aya ayesha barbara bea bella benoit bianca bilal blake boris
brandon brenda bryan caleb cameron camila carol caroline cecilia celine cesar chandra chiara chinedu chris christian
christopher cindy connor cristina dana daniela darius darren dawn dean deborah denise derek devon dina dirk dylan
eduardo elias elif elise ellie emil emilia enrique erin esther evan ezra farah farid federico femi finn florian
francisco gemma gianluca gina giorgio giulia gloria gordon gustavo hailey hamza hana hanna harold harper heather
hector heidi helena hiroshi holly ibrahim ida ifeoma ilya imran irene iris isaac isla jacob jade jakub jamal janet
jasmine jasper javed jenna jenny jeremy jesse jin jing joanna joel johanna jonathan jorge joseph joy judith jun
kaito karim karina kasia katarina kayla keith kenji kenneth khalid kiran kirsten klaus kofi krishna kurt lars lauren
leah lee leila leon leonardo liam lin lorenzo louis lucia luca lukas magnus malik manuel marco marcus margaret mario
marisol marius mateo mathias matthew maxim megan melissa mia michelle miguel mikhail milan miriam mohan monica morgan
naomi natalia nathalie neha nikhil nikita nils noor nora olu omar oskar owen pamela paolo parisa pavel pooja preeti
quinn rafael ramon rana rania raphael rashid raul reza rhys ricardo riley rita roberto robin rohan roman rosie rui
sabrina sahil saira salma samantha samuel sanjay santiago sarita sasha sebastian selin seo shreya sid silvia sina
siobhan sonia stella sven tamara tanvir tariq teresa theo thomas tobias tomas tomasz trevor valentina vanessa
victoria viktor vivek wanda wendy xin yan yara yasmin yosef yu yvonne zain zara zhang zoltan
abena adaeze adebayo ade akosua amani ayodele babajide bongani chidi chika chioma dayo ebele emeka esi folake funmi
kehinde kemi kwabena kwame kwesi lerato mandla nia nkechi obinna olamide sipho tendai thabo themba tunde uchenna
yaw zanele zodwa amara imani jamal keisha lakisha latoya malik shanice tyrone devendra dev gaurav harish hemant
kavya lakshmi manish meera mukesh nandini pradeep prakash ramesh rekha rohit sandeep shalini suresh swati venkat vijay
zainab aaliyah abdullah ayman bashir faisal habib hussein jamila karima layla mariam mustafa nasser rami samira yousef
bogdan dariusz grzegorz jakub katarzyna krzysztof lukasz malgorzata marek piotr radek tomasz wojciech agnieszka
anh bao duc hoa linh minh nguyen quang thanh tuan hyun jae ji min-jun seo-yeon soo yeon haruto ren sota yui yuto
`
  .trim()
  .split(/\s+/);
