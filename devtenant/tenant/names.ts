// Word lists for generated people: given names and surnames from many languages (display names keep
// their accents and apostrophes, which is what makes OData escaping and search matter), departments
// with job titles that fit them, and offices with addresses. Fictional phone numbers use 555-01xx
// in North America and drama-reserved ranges elsewhere where they exist.

export const GIVEN_NAMES: readonly string[] = [
  // English-speaking
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Barbara',
  'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen', 'Christopher', 'Lisa', 'Daniel', 'Nancy',
  'Matthew', 'Betty', 'Anthony', 'Sandra', 'Mark', 'Ashley', 'Steven', 'Emily', 'Andrew', 'Kimberly', 'Joshua', 'Michelle',
  'Kevin', 'Amanda', 'Brian', 'Melissa', 'Ryan', 'Rebecca', 'Jacob', 'Laura', 'Gary', 'Stephanie', 'Nicholas', 'Rachel',
  'Eric', 'Hannah', 'Jonathan', 'Olivia', 'Tyler', 'Grace', 'Aaron', 'Chloe', 'Nathan', 'Zoë', 'Connor', 'Siobhan',
  'Liam', 'Niamh', 'Declan', 'Aoife', 'Callum', 'Isla', 'Rhys', 'Megan', 'Owen', 'Bethan',
  // Spanish and Portuguese
  'José', 'María', 'Luis', 'Carmen', 'Carlos', 'Lucía', 'Javier', 'Sofía', 'Alejandro', 'Valentina', 'Diego', 'Camila',
  'Mateo', 'Isabela', 'Andrés', 'Gabriela', 'Rafael', 'Ana', 'João', 'Beatriz', 'Thiago', 'Larissa', 'Gonçalo', 'Inês',
  // French, German, Italian, Dutch
  'Étienne', 'Amélie', 'Julien', 'Chloé', 'Mathieu', 'Céline', 'Lukas', 'Greta', 'Jonas', 'Lea', 'Maximilian', 'Katharina',
  'Jürgen', 'Anja', 'Matteo', 'Giulia', 'Lorenzo', 'Francesca', 'Alessandro', 'Chiara', 'Sem', 'Femke', 'Daan', 'Sanne',
  // Nordic, Slavic, Baltic
  'Søren', 'Ingrid', 'Björn', 'Astrid', 'Mikael', 'Freja', 'Lars', 'Sigrid', 'Aleksander', 'Katarzyna', 'Piotr', 'Zuzana',
  'Tomáš', 'Jelena', 'Dmitri', 'Olga', 'Nikola', 'Milena', 'Ivan', 'Anastasia', 'Andrius', 'Liga',
  // Greek, Turkish, Persian, Arabic, Hebrew
  'Nikos', 'Eleni', 'Mehmet', 'Ayşe', 'Emre', 'Zeynep', 'Dariush', 'Shirin', 'Reza', 'Leila', 'Omar', 'Fatima', 'Yusuf',
  'Amira', 'Karim', 'Layla', 'Hassan', 'Noura', 'Tariq', 'Yasmin', 'Avi', 'Noa', 'Eitan', 'Tamar',
  // South Asian
  'Arjun', 'Priya', 'Rahul', 'Ananya', 'Vikram', 'Deepika', 'Sanjay', 'Kavya', 'Rohan', 'Aishwarya', 'Nikhil', 'Sneha',
  'Aditya', 'Meera', 'Imran', 'Ayesha', 'Farhan', 'Nadia', 'Ravi', 'Lakshmi',
  // East and Southeast Asian
  'Wei', 'Mei', 'Jun', 'Li', 'Hao', 'Xiu', 'Yuki', 'Haruto', 'Sakura', 'Kenji', 'Aiko', 'Takeshi', 'Min-jun', 'Seo-yeon',
  'Ji-ho', 'Hye-jin', 'Minh', 'Linh', 'Thanh', 'Anh', 'Somchai', 'Ploy', 'Rizal', 'Putri', 'Miguel', 'Maricel',
  // African
  'Kwame', 'Ama', 'Chinedu', 'Ngozi', 'Tunde', 'Folake', 'Sipho', 'Thandiwe', 'Kofi', 'Abena', 'Jabari', 'Zawadi', 'Tendai',
  'Nia', 'Oluwaseun', 'Adaeze', 'Tesfaye', 'Selam', 'Moussa', 'Aminata',
  // Indigenous, Pacific, Latin American
  'Tane', 'Aroha', 'Kai', 'Leilani', 'Ximena', 'Santiago', 'Renata', 'Emiliano',
];

export const SURNAMES: readonly string[] = [
  // English-speaking
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore',
  'Jackson', 'Martin', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King',
  'Wright', 'Scott', 'Hill', 'Green', 'Adams', 'Baker', 'Nelson', 'Carter', 'Mitchell', 'Roberts', 'Turner', 'Phillips',
  'Campbell', 'Parker', 'Evans', 'Edwards', 'Collins', 'Stewart', 'Morris', 'Murphy', 'Cook', 'Rogers', "O'Brien",
  "O'Connor", 'McCarthy', 'Fitzgerald', 'MacLeod', 'Davies', 'Llewellyn', 'Hughes', 'Bennett', 'Foster', 'Hayes',
  // Spanish and Portuguese
  'García', 'Rodríguez', 'Martínez', 'Hernández', 'López', 'González', 'Pérez', 'Sánchez', 'Ramírez', 'Torres', 'Flores',
  'Rivera', 'Gómez', 'Díaz', 'Morales', 'Ortiz', 'Núñez', 'Castillo', 'Silva', 'Santos', 'Oliveira', 'Pereira', 'Costa',
  'Ferreira', 'Almeida', 'Carvalho',
  // French, German, Italian, Dutch
  'Dubois', 'Lefèvre', 'Moreau', 'Laurent', 'Girard', 'Fontaine', 'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber',
  'Wagner', 'Becker', 'Hoffmann', 'Schäfer', 'Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo',
  'de Vries', 'van Dijk', 'Bakker', 'Janssen', 'Visser', 'van der Berg',
  // Nordic, Slavic, Baltic
  'Johansson', 'Andersson', 'Nilsson', 'Lindqvist', 'Hansen', 'Jørgensen', 'Nieminen', 'Virtanen', 'Kowalski', 'Nowak',
  'Wiśniewska', 'Novák', 'Dvořák', 'Horvat', 'Petrović', 'Ivanova', 'Smirnov', 'Kuznetsova', 'Popescu', 'Kazlauskas',
  // Greek, Turkish, Persian, Arabic, Hebrew
  'Papadopoulos', 'Georgiou', 'Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Hosseini', 'Rahimi', 'Karimi', 'Al-Farsi', 'Haddad',
  'Khalil', 'Mansour', 'Nasser', 'Saleh', 'El-Amin', 'Cohen', 'Levi', 'Mizrahi', 'Friedman',
  // South Asian
  'Patel', 'Sharma', 'Singh', 'Kumar', 'Gupta', 'Reddy', 'Iyer', 'Nair', 'Menon', 'Chatterjee', 'Banerjee', 'Desai',
  'Joshi', 'Mehta', 'Rao', 'Khan', 'Ahmed', 'Hussain', 'Chowdhury', 'Perera',
  // East and Southeast Asian
  'Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Tanaka', 'Suzuki', 'Takahashi', 'Watanabe',
  'Yamamoto', 'Nakamura', 'Kobayashi', 'Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Nguyen', 'Tran', 'Pham', 'Le', 'Dela Cruz',
  'Reyes', 'Cruz', 'Bautista', 'Wongsakul', 'Siregar', 'Tan', 'Lim', 'Ong',
  // African
  'Mensah', 'Owusu', 'Boateng', 'Okafor', 'Okonkwo', 'Adeyemi', 'Balogun', 'Nkosi', 'Dlamini', 'Mokoena', 'Mwangi',
  'Otieno', 'Kamau', 'Abebe', 'Tesfaye', 'Diallo', 'Traoré', 'Keita', 'Moyo', 'Banda',
  // Pacific and others
  'Ngata', 'Tuilagi', 'Kahananui', 'Quispe', 'Mamani',
];

export interface Department {
  name: string;
  /** Share of the workforce. */
  weight: number;
  head: string;
  manager: string;
  titles: readonly string[];
  /** Frontline staff get frontline licenses. */
  frontline?: boolean;
}

export const DEPARTMENTS: readonly Department[] = [
  { name: 'Sales', weight: 14, head: 'VP of Sales', manager: 'Sales Manager', titles: ['Account Executive', 'Sales Development Representative', 'Inside Sales Representative', 'Account Manager', 'Sales Operations Analyst', 'Solutions Consultant'] },
  { name: 'Marketing', weight: 8, head: 'Chief Marketing Officer', manager: 'Marketing Manager', titles: ['Marketing Specialist', 'Content Strategist', 'Brand Designer', 'Product Marketing Manager', 'Marketing Assistant', 'SEO Specialist', 'Events Coordinator'] },
  { name: 'Finance', weight: 6, head: 'Chief Financial Officer', manager: 'Finance Manager', titles: ['Financial Analyst', 'Accountant', 'Senior Accountant', 'Accounts Payable Specialist', 'Payroll Specialist', 'Treasury Analyst'] },
  { name: 'Human Resources', weight: 5, head: 'Chief People Officer', manager: 'HR Manager', titles: ['HR Generalist', 'Recruiter', 'Talent Acquisition Partner', 'HR Business Partner', 'Benefits Specialist', 'Learning & Development Specialist'] },
  { name: 'IT', weight: 7, head: 'VP of Information Technology', manager: 'IT Manager', titles: ['Systems Administrator', 'Network Engineer', 'Helpdesk Agent', 'Desktop Support Technician', 'Cloud Engineer', 'Security Analyst', 'IT Project Manager', 'Database Administrator'] },
  { name: 'Engineering', weight: 18, head: 'Chief Technology Officer', manager: 'Engineering Manager', titles: ['Software Engineer', 'Senior Software Engineer', 'QA Engineer', 'DevOps Engineer', 'Data Engineer', 'Product Designer', 'Engineering Program Manager'] },
  { name: 'Product Management', weight: 5, head: 'VP of Product', manager: 'Group Product Manager', titles: ['Product Manager', 'Senior Product Manager', 'UX Researcher', 'Technical Writer'] },
  { name: 'Operations', weight: 8, head: 'Chief Operating Officer', manager: 'Operations Manager', titles: ['Operations Analyst', 'Supply Chain Coordinator', 'Logistics Specialist', 'Procurement Specialist', 'Facilities Coordinator'] },
  { name: 'Retail', weight: 16, head: 'VP of Retail', manager: 'Store Manager', titles: ['Store Associate', 'Retail Supervisor', 'Visual Merchandiser', 'Buyer', 'Inventory Specialist', 'Cashier'], frontline: true },
  { name: 'Customer Support', weight: 9, head: 'VP of Customer Success', manager: 'Support Team Lead', titles: ['Customer Support Representative', 'Support Engineer', 'Customer Success Manager', 'Escalation Engineer'] },
  { name: 'Legal', weight: 3, head: 'General Counsel', manager: 'Legal Operations Manager', titles: ['Corporate Counsel', 'Paralegal', 'Compliance Analyst', 'Contracts Manager'] },
];

export interface Office {
  officeLocation: string;
  streetAddress: string;
  city: string;
  state: string | null;
  postalCode: string;
  country: string;
  usageLocation: string;
  preferredLanguage: string;
  /** Phone number prefix; four digits are appended. */
  phone: string;
  weight: number;
}

export const OFFICES: readonly Office[] = [
  { officeLocation: 'Redmond HQ', streetAddress: '4567 Main St', city: 'Redmond', state: 'WA', postalCode: '98052', country: 'United States', usageLocation: 'US', preferredLanguage: 'en-US', phone: '+1 425 555 ', weight: 24 },
  { officeLocation: 'Seattle', streetAddress: '1200 Pine St', city: 'Seattle', state: 'WA', postalCode: '98101', country: 'United States', usageLocation: 'US', preferredLanguage: 'en-US', phone: '+1 206 555 ', weight: 8 },
  { officeLocation: 'New York', streetAddress: '350 Fifth Ave', city: 'New York', state: 'NY', postalCode: '10118', country: 'United States', usageLocation: 'US', preferredLanguage: 'en-US', phone: '+1 212 555 ', weight: 9 },
  { officeLocation: 'Chicago', streetAddress: '233 S Wacker Dr', city: 'Chicago', state: 'IL', postalCode: '60606', country: 'United States', usageLocation: 'US', preferredLanguage: 'en-US', phone: '+1 312 555 ', weight: 5 },
  { officeLocation: 'Toronto', streetAddress: '100 King St W', city: 'Toronto', state: 'ON', postalCode: 'M5X 1A9', country: 'Canada', usageLocation: 'CA', preferredLanguage: 'en-CA', phone: '+1 416 555 ', weight: 4 },
  { officeLocation: 'London', streetAddress: '2 Kingdom St', city: 'London', state: null, postalCode: 'W2 6BD', country: 'United Kingdom', usageLocation: 'GB', preferredLanguage: 'en-GB', phone: '+44 20 7946 ', weight: 8 },
  { officeLocation: 'Dublin', streetAddress: 'One Microsoft Pl', city: 'Dublin', state: null, postalCode: 'D18 P521', country: 'Ireland', usageLocation: 'IE', preferredLanguage: 'en-IE', phone: '+353 1 555 ', weight: 3 },
  { officeLocation: 'Munich', streetAddress: 'Walter-Gropius-Str 5', city: 'München', state: 'Bayern', postalCode: '80807', country: 'Germany', usageLocation: 'DE', preferredLanguage: 'de-DE', phone: '+49 89 5550 ', weight: 5 },
  { officeLocation: 'Paris', streetAddress: '39 Quai du Président Roosevelt', city: 'Issy-les-Moulineaux', state: null, postalCode: '92130', country: 'France', usageLocation: 'FR', preferredLanguage: 'fr-FR', phone: '+33 1 99 00 ', weight: 4 },
  { officeLocation: 'São Paulo', streetAddress: 'Av. Presidente Juscelino Kubitschek 1909', city: 'São Paulo', state: 'SP', postalCode: '04543-907', country: 'Brazil', usageLocation: 'BR', preferredLanguage: 'pt-BR', phone: '+55 11 5555 ', weight: 3 },
  { officeLocation: 'Bangalore', streetAddress: 'Embassy Golf Links, Domlur', city: 'Bengaluru', state: 'Karnataka', postalCode: '560071', country: 'India', usageLocation: 'IN', preferredLanguage: 'en-IN', phone: '+91 80 5555 ', weight: 7 },
  { officeLocation: 'Tokyo', streetAddress: '2-16-3 Konan, Minato-ku', city: 'Tokyo', state: null, postalCode: '108-0075', country: 'Japan', usageLocation: 'JP', preferredLanguage: 'ja-JP', phone: '+81 3 5555 ', weight: 4 },
  { officeLocation: 'Sydney', streetAddress: '1 Epping Rd', city: 'North Ryde', state: 'NSW', postalCode: '2113', country: 'Australia', usageLocation: 'AU', preferredLanguage: 'en-AU', phone: '+61 2 5550 ', weight: 3 },
  { officeLocation: 'Johannesburg', streetAddress: '3012 William Nicol Dr', city: 'Bryanston', state: 'Gauteng', postalCode: '2191', country: 'South Africa', usageLocation: 'ZA', preferredLanguage: 'en-ZA', phone: '+27 11 555 ', weight: 2 },
];

/** Partner and customer organisations that guests come from. */
export const GUEST_DOMAINS: readonly string[] = [
  'fabrikam.com', 'northwindtraders.com', 'adventure-works.com', 'tailspintoys.com', 'wingtiptoys.com', 'litwareinc.com',
  'woodgrovebank.com', 'proseware.com', 'alpineskihouse.com', 'coho-winery.com', 'gmail.com', 'outlook.com',
];

const folded = new Map<string, string>();

/** Folds a name to the ASCII a mail nickname may hold: "Núñez" → "Nunez", "O'Brien" → "OBrien". */
export function asciiFold(s: string): string {
  let out = folded.get(s);
  if (out === undefined) {
    out = s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ø/g, 'o')
      .replace(/Ø/g, 'O')
      .replace(/ß/g, 'ss')
      .replace(/ı/g, 'i')
      .replace(/ł/g, 'l')
      .replace(/[^A-Za-z0-9-]/g, '');
    folded.set(s, out);
  }
  return out;
}
