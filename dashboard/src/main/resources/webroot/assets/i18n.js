// Every label of the pages in English and Hindi. Elements carry data-i18n="key" (text),
// data-i18n-placeholder, data-i18n-title or data-i18n-aria; the choice is kept in localStorage.

const STORE_KEY = 'warroom.lang';

const en = {
  'app.name': 'War Room',
  'app.state': 'State war room',
  'nav.wall': 'Wall screen', 'nav.district': 'My district', 'nav.alerts': 'Alerts', 'nav.workers': 'Workers',
  'nav.search': 'Search', 'nav.report': 'Situation report', 'nav.admin': 'Administration', 'nav.logout': 'Log out',
  'lang.toggle': 'हिन्दी', 'lang.toggle.title': 'हिन्दी में देखें',
  'conn.live': 'Live', 'conn.connecting': 'Connecting…', 'conn.down': 'Disconnected — reconnecting in {s} s',
  'conn.banner': 'Live connection lost. Figures on this screen may be out of date. Reconnecting…',
  'common.loading': 'Loading…', 'common.none': 'None', 'common.error': 'Could not load: {reason}',
  'common.forbidden': 'You are not allowed to see this.', 'common.notfound': 'Not found.',
  'common.all': 'All', 'common.district': 'District', 'common.state': 'State', 'common.search': 'Search',
  'common.apply': 'Apply', 'common.clear': 'Clear', 'common.save': 'Save', 'common.cancel': 'Cancel',
  'common.total': 'Total', 'common.count': 'Count', 'common.updated': 'Updated {t}', 'common.print': 'Print',
  'common.from': 'From', 'common.to': 'To', 'common.date': 'Date', 'common.time': 'Time', 'common.name': 'Name',
  'common.noreport': 'No report', 'common.yes': 'Yes', 'common.no': 'No', 'common.more': '{n} more',
  // wall
  'wall.title': 'Live situation', 'wall.map': 'District map', 'wall.legend': 'Worst commodity status',
  'wall.calls': 'Calls in progress', 'wall.openTickets': 'Open complaints', 'wall.slaBreaches': 'SLA breaches',
  'wall.critical': 'Critical shortages', 'wall.activeAlerts': 'Active alerts', 'wall.workers': 'Workers tracked',
  'wall.unlocated': 'Unplaced messages (1 h)', 'wall.ratings': 'District ratings', 'wall.ratings.worst': 'Needs attention',
  'wall.ratings.best': 'Best', 'wall.ticker': 'Alerts', 'wall.ticker.none': 'No active alerts',
  'wall.kiosk': 'Kiosk', 'wall.lines': 'Helplines', 'wall.waiting': '{n} waiting',
  'wall.credit': 'Map: DataMeet India (CC BY 2.5 IN), via covid19india (MIT)',
  'wall.districts': '{n} districts', 'wall.shortageDistricts': 'Districts by status',
  // statuses
  'status.OK': 'OK', 'status.LOW': 'Low', 'status.CRITICAL': 'Critical', 'status.STALE': 'Stale report',
  'status.none': 'No report', 'status.outside': 'Outside your districts',
  // commodities
  'commodity.ration': 'Ration', 'commodity.water': 'Water', 'commodity.fruit': 'Fruit',
  'commodity.vegetables': 'Vegetables', 'commodity.milk': 'Milk', 'commodity.medicine': 'Medicine',
  'commodity.lpg': 'Cooking gas', 'commodity.petrol': 'Petrol', 'commodity.diesel': 'Diesel',
  'commodity.sanitary': 'Sanitary goods',
  // categories and departments
  'category.health': 'Health', 'category.wages': 'Wages', 'category.stranded': 'Stranded', 'category.transport': 'Transport',
  'category.other': 'Other', 'category.food': 'Food',
  // lines
  'line.181': 'CM Helpline 181', 'line.104': 'Health 104', 'line.1075': 'Helpline 1075',
  'line.district-control': 'District control rooms', 'line.worker-helpline': 'Worker helpline',
  // alerts
  'alerts.title': 'Alerts', 'alerts.live': 'Live alerts', 'alerts.history': 'History',
  'alerts.rule': 'Alert', 'alerts.severity': 'Severity', 'alerts.state': 'State', 'alerts.category': 'Category',
  'alerts.raised': 'Raised', 'alerts.value': 'Value', 'alerts.threshold': 'Threshold', 'alerts.level': 'Level',
  'alerts.ack': 'Acknowledge', 'alerts.ack.comment': 'Comment (what is being done)', 'alerts.ack.send': 'Acknowledge',
  'alerts.ack.by': 'Acknowledged by {u} at {t}', 'alerts.ack.done': 'Acknowledged.',
  'alerts.ack.failed': 'Acknowledgement failed: {reason}', 'alerts.ack.needComment': 'Please write a comment.',
  'alerts.cleared': 'Cleared {t}', 'alerts.sound': 'Sound on new alert', 'alerts.new': 'New alert',
  'alerts.none': 'No alerts match.', 'alerts.loadHistory': 'Load history',
  'deliveries.show': 'Delivery log', 'deliveries.hide': 'Hide delivery log',
  'deliveries.none': 'No notification for this alert yet.', 'deliveries.step': 'Step', 'deliveries.user': 'Person',
  'deliveries.channel': 'Channel', 'deliveries.address': 'Address', 'deliveries.outcome': 'Outcome',
  'deliveries.attempts': 'Attempts', 'deliveries.digest': 'in a digest',
  'outcome.sending': 'Sending', 'outcome.sent': 'Sent', 'outcome.failed': 'Failed, will retry',
  'outcome.undeliverable': 'Undeliverable', 'outcome.held': 'Held (quiet hours)',
  'channel.email': 'E-mail', 'channel.sms': 'SMS', 'channel.whatsapp': 'WhatsApp', 'channel.webhook': 'Webhook',
  'subs.title': 'My alert subscriptions',
  'subs.hint': 'Nothing selected in a list means all. Each channel needs the matching contact on your account.',
  'subs.districts': 'Districts', 'subs.categories': 'Categories', 'subs.severities': 'Severities',
  'subs.channels': 'Channels', 'subs.quiet': 'Quiet hours (only critical alerts then)', 'subs.quiet.from': 'From',
  'subs.quiet.to': 'To', 'subs.save': 'Save subscription', 'subs.saved': 'Saved ({t}).',
  'subs.none': 'No subscription yet: you are not notified.', 'subs.failed': 'Not saved: {reason}',
  'rule.shortage-critical': 'Critical shortage', 'rule.stockout-predicted': 'Stock-out predicted',
  'rule.backlog-breaches': 'Complaints past SLA', 'rule.line-load': 'Helpline overloaded',
  'rule.report-stale': 'District report overdue', 'rule.citizen-signals': 'Citizens report shortage',
  'rule.unlocated-messages': 'Messages without district',
  'severity.low': 'Low', 'severity.medium': 'Medium', 'severity.high': 'High', 'severity.critical': 'Critical',
  'state.active': 'Active', 'state.acknowledged': 'Acknowledged', 'state.cleared': 'Cleared',
  // district
  'district.title': 'District', 'district.commodities': 'Commodities', 'district.commodity': 'Commodity',
  'district.stock': 'Stock', 'district.need': 'Daily need', 'district.cover': 'Days of cover',
  'district.burn': 'Burn rate / day', 'district.stockout': 'Predicted stock-out', 'district.status': 'Status',
  'district.signals': 'Citizen signals (1 h)', 'district.inTransit': 'In transit', 'district.asOf': 'As of',
  'district.backlog': 'Complaints by department', 'district.department': 'Department', 'district.open': 'Open',
  'district.oldest': 'Oldest open', 'district.breaches': 'SLA breaches', 'district.openedHour': 'Opened (1 h)',
  'district.resolvedHour': 'Resolved (1 h)', 'district.trend': 'Calls and messages (today)',
  'district.messages': 'Recent messages', 'district.messages.search': 'Search this district’s messages',
  'district.workers': 'Workers', 'district.workersFrom': 'From this district', 'district.workersIn': 'Working in this district',
  'district.rating': 'Rating', 'district.rating.sla': 'SLA compliance', 'district.rating.timeliness': 'Report timeliness',
  'district.rating.resolution': 'Shortage resolution', 'district.alerts': 'Open alerts', 'district.report': 'Report for this district',
  // workers
  'workers.title': 'Migrant workers', 'workers.total': 'Registered workers', 'workers.verified': 'Verified in the last {d} days',
  'workers.by.currentState': 'By state of work', 'workers.by.currentDistrict': 'By district of work',
  'workers.by.skill': 'By skill', 'workers.by.homeDistrict': 'By home district', 'workers.by.status': 'By status',
  'workers.search': 'Registry search', 'workers.search.q': 'Name, phone or id', 'workers.skill': 'Skill',
  'workers.id': 'Id', 'workers.phone': 'Phone', 'workers.home': 'Home district', 'workers.current': 'Working in',
  'workers.status': 'Status', 'workers.verifiedAt': 'Verified', 'workers.skills': 'Skills',
  'workers.status.home': 'At home', 'workers.status.working': 'Working', 'workers.status.unreachable': 'Unreachable',
  'workers.unknown': 'Not known', 'workers.masked': 'Personal data is masked for your role.',
  // search
  'search.title': 'Search messages and complaints', 'search.q': 'Words (Hindi or English)', 'search.results': '{n} results',
  'search.feed': 'Source', 'search.text': 'Text', 'feed.messages': 'Message', 'feed.tickets': 'Complaint', 'feed.calls': 'Call',
  // report
  'report.title': 'Situation report', 'report.scope.state': 'Whole state', 'report.generated': 'Generated {t}',
  'report.figures': 'The day in figures', 'report.calls': 'Calls', 'report.messages': 'Citizen messages',
  'report.ticketsOpened': 'Complaints opened', 'report.ticketsResolved': 'Complaints resolved',
  'report.alerts': 'Alerts raised', 'report.shortages': 'Shortages (LOW or CRITICAL)', 'report.charts': 'Charts',
  'report.worstDistricts': 'Districts needing attention', 'report.alertList': 'Alerts of the day',
  'report.source': 'Source: warroom live figures; map data DataMeet (CC BY 2.5 IN).',
  'report.vsPrevious': 'vs previous day', 'report.slaCompliance': 'Complaints within SLA',
  'report.workersVerified': 'Workers verified today',
  // login
  'login.title': 'Sign in', 'login.username': 'User name', 'login.password': 'Password', 'login.submit': 'Sign in',
  'login.bad': 'Wrong user name or password.', 'login.throttled': 'Too many attempts. Try again in {s} seconds.',
  'login.failed': 'Sign-in failed ({status}).', 'login.expired': 'Your session has ended. Please sign in again.',
  // admin
  'admin.title': 'Administration', 'admin.users': 'Users', 'admin.newUser': 'New user', 'admin.role': 'Role',
  'admin.districts': 'Districts (LGD codes, comma separated)', 'admin.categories': 'Categories (comma separated)',
  'admin.contact.email': 'E-mail', 'admin.contact.phone': 'Phone', 'admin.create': 'Create',
  'admin.keys': 'Ingest API keys', 'admin.newKey': 'New API key', 'admin.source': 'Source', 'admin.feeds': 'Feeds',
  'admin.key.shown': 'The new key (shown once, copy it now):', 'admin.copy': 'Copy', 'admin.created': 'Created.',
  'admin.failed': 'Failed: {reason}', 'admin.audit': 'Audit log', 'admin.audit.user': 'User', 'admin.audit.action': 'Action',
  'admin.audit.detail': 'Detail',
  'admin.subs': 'Alert subscriptions',
  'admin.subs.hint': 'Choose a user to see, add, change or remove their alert subscription. Nothing selected in a list means all; in quiet hours only critical alerts are sent.',
  'admin.subs.user': 'User', 'admin.subs.choose': '— choose a user —', 'admin.subs.updated': 'Updated',
  'admin.subs.none': 'No subscription: this user is not notified.', 'admin.subs.remove': 'Remove',
  'admin.subs.removed': 'Subscription of {user} removed.', 'admin.subs.all': 'all',
  'admin.subs.criticalAnyway': '{q} (critical still sent)',
  'role.operator': 'State operator', 'role.commander': 'District commander', 'role.responder': 'Responder',
  'role.admin': 'Administrator',
};

const hi = {
  'app.name': 'वॉर रूम',
  'app.state': 'राज्य वॉर रूम',
  'nav.wall': 'मुख्य स्क्रीन', 'nav.district': 'मेरा ज़िला', 'nav.alerts': 'अलर्ट', 'nav.workers': 'श्रमिक',
  'nav.search': 'खोज', 'nav.report': 'स्थिति रिपोर्ट', 'nav.admin': 'प्रशासन', 'nav.logout': 'लॉग आउट',
  'lang.toggle': 'English', 'lang.toggle.title': 'View in English',
  'conn.live': 'लाइव', 'conn.connecting': 'जुड़ रहा है…', 'conn.down': 'संपर्क टूटा — {s} सेकंड में फिर से',
  'conn.banner': 'लाइव संपर्क टूट गया है। इस स्क्रीन के आंकड़े पुराने हो सकते हैं। फिर से जोड़ा जा रहा है…',
  'common.loading': 'लोड हो रहा है…', 'common.none': 'कोई नहीं', 'common.error': 'लोड नहीं हो सका: {reason}',
  'common.forbidden': 'आपको यह देखने की अनुमति नहीं है।', 'common.notfound': 'नहीं मिला।',
  'common.all': 'सभी', 'common.district': 'ज़िला', 'common.state': 'राज्य', 'common.search': 'खोजें',
  'common.apply': 'लागू करें', 'common.clear': 'साफ़ करें', 'common.save': 'सहेजें', 'common.cancel': 'रद्द करें',
  'common.total': 'कुल', 'common.count': 'संख्या', 'common.updated': '{t} पर अद्यतन', 'common.print': 'प्रिंट करें',
  'common.from': 'से', 'common.to': 'तक', 'common.date': 'तारीख़', 'common.time': 'समय', 'common.name': 'नाम',
  'common.noreport': 'रिपोर्ट नहीं', 'common.yes': 'हाँ', 'common.no': 'नहीं', 'common.more': '{n} और',
  'wall.title': 'लाइव स्थिति', 'wall.map': 'ज़िला मानचित्र', 'wall.legend': 'सबसे ख़राब वस्तु स्थिति',
  'wall.calls': 'जारी कॉल', 'wall.openTickets': 'लंबित शिकायतें', 'wall.slaBreaches': 'समय-सीमा पार',
  'wall.critical': 'गंभीर कमी', 'wall.activeAlerts': 'सक्रिय अलर्ट', 'wall.workers': 'ट्रैक किए गए श्रमिक',
  'wall.unlocated': 'बिना ज़िले के संदेश (1 घं)', 'wall.ratings': 'ज़िला रेटिंग', 'wall.ratings.worst': 'ध्यान दें',
  'wall.ratings.best': 'सर्वश्रेष्ठ', 'wall.ticker': 'अलर्ट', 'wall.ticker.none': 'कोई सक्रिय अलर्ट नहीं',
  'wall.kiosk': 'कियोस्क', 'wall.lines': 'हेल्पलाइन', 'wall.waiting': '{n} प्रतीक्षा में',
  'wall.credit': 'मानचित्र: DataMeet India (CC BY 2.5 IN), covid19india (MIT) द्वारा',
  'wall.districts': '{n} ज़िले', 'wall.shortageDistricts': 'स्थिति अनुसार ज़िले',
  'status.OK': 'ठीक', 'status.LOW': 'कम', 'status.CRITICAL': 'गंभीर', 'status.STALE': 'पुरानी रिपोर्ट',
  'status.none': 'रिपोर्ट नहीं', 'status.outside': 'आपके ज़िलों से बाहर',
  'commodity.ration': 'राशन', 'commodity.water': 'पानी', 'commodity.fruit': 'फल', 'commodity.vegetables': 'सब्ज़ी',
  'commodity.milk': 'दूध', 'commodity.medicine': 'दवा', 'commodity.lpg': 'रसोई गैस', 'commodity.petrol': 'पेट्रोल',
  'commodity.diesel': 'डीज़ल', 'commodity.sanitary': 'स्वच्छता सामग्री',
  'category.health': 'स्वास्थ्य', 'category.wages': 'मज़दूरी', 'category.stranded': 'फँसे लोग', 'category.transport': 'परिवहन',
  'category.other': 'अन्य', 'category.food': 'खाद्य',
  'line.181': 'सीएम हेल्पलाइन 181', 'line.104': 'स्वास्थ्य 104', 'line.1075': 'हेल्पलाइन 1075',
  'line.district-control': 'ज़िला नियंत्रण कक्ष', 'line.worker-helpline': 'श्रमिक हेल्पलाइन',
  'alerts.title': 'अलर्ट', 'alerts.live': 'लाइव अलर्ट', 'alerts.history': 'इतिहास',
  'alerts.rule': 'अलर्ट', 'alerts.severity': 'गंभीरता', 'alerts.state': 'स्थिति', 'alerts.category': 'श्रेणी',
  'alerts.raised': 'कब उठा', 'alerts.value': 'मान', 'alerts.threshold': 'सीमा', 'alerts.level': 'स्तर',
  'alerts.ack': 'स्वीकार करें', 'alerts.ack.comment': 'टिप्पणी (क्या कार्रवाई हो रही है)', 'alerts.ack.send': 'स्वीकार करें',
  'alerts.ack.by': '{u} ने {t} पर स्वीकार किया', 'alerts.ack.done': 'स्वीकार किया गया।',
  'alerts.ack.failed': 'स्वीकार नहीं हो सका: {reason}', 'alerts.ack.needComment': 'कृपया टिप्पणी लिखें।',
  'alerts.cleared': '{t} पर समाप्त', 'alerts.sound': 'नए अलर्ट पर ध्वनि', 'alerts.new': 'नया अलर्ट',
  'alerts.none': 'कोई अलर्ट नहीं।', 'alerts.loadHistory': 'इतिहास देखें',
  'deliveries.show': 'सूचना लॉग', 'deliveries.hide': 'सूचना लॉग छिपाएँ',
  'deliveries.none': 'इस अलर्ट की अभी कोई सूचना नहीं गई।', 'deliveries.step': 'चरण', 'deliveries.user': 'व्यक्ति',
  'deliveries.channel': 'माध्यम', 'deliveries.address': 'पता', 'deliveries.outcome': 'परिणाम',
  'deliveries.attempts': 'प्रयास', 'deliveries.digest': 'सारांश में',
  'outcome.sending': 'भेजा जा रहा है', 'outcome.sent': 'भेजा गया', 'outcome.failed': 'विफल, फिर कोशिश होगी',
  'outcome.undeliverable': 'नहीं पहुँचाया जा सका', 'outcome.held': 'रोका गया (शांत समय)',
  'channel.email': 'ई-मेल', 'channel.sms': 'एसएमएस', 'channel.whatsapp': 'व्हाट्सऐप', 'channel.webhook': 'वेबहुक',
  'subs.title': 'मेरी अलर्ट सदस्यता',
  'subs.hint': 'सूची में कुछ न चुनने का अर्थ है सभी। हर माध्यम के लिए आपके खाते में उसका संपर्क होना चाहिए।',
  'subs.districts': 'ज़िले', 'subs.categories': 'श्रेणियाँ', 'subs.severities': 'गंभीरता',
  'subs.channels': 'माध्यम', 'subs.quiet': 'शांत समय (तब केवल गंभीर अलर्ट)', 'subs.quiet.from': 'से',
  'subs.quiet.to': 'तक', 'subs.save': 'सदस्यता सहेजें', 'subs.saved': 'सहेजी गई ({t})।',
  'subs.none': 'अभी कोई सदस्यता नहीं: आपको सूचना नहीं भेजी जाती।', 'subs.failed': 'सहेजा नहीं गया: {reason}',
  'rule.shortage-critical': 'गंभीर कमी', 'rule.stockout-predicted': 'भंडार ख़त्म होने की आशंका',
  'rule.backlog-breaches': 'समय-सीमा पार शिकायतें', 'rule.line-load': 'हेल्पलाइन पर अधिक भार',
  'rule.report-stale': 'ज़िले की रिपोर्ट बाकी', 'rule.citizen-signals': 'नागरिकों ने कमी बताई',
  'rule.unlocated-messages': 'बिना ज़िले के संदेश',
  'severity.low': 'कम', 'severity.medium': 'मध्यम', 'severity.high': 'उच्च', 'severity.critical': 'गंभीर',
  'state.active': 'सक्रिय', 'state.acknowledged': 'स्वीकृत', 'state.cleared': 'समाप्त',
  'district.title': 'ज़िला', 'district.commodities': 'वस्तुएँ', 'district.commodity': 'वस्तु',
  'district.stock': 'भंडार', 'district.need': 'दैनिक ज़रूरत', 'district.cover': 'आपूर्ति के दिन',
  'district.burn': 'खपत / दिन', 'district.stockout': 'अनुमानित समाप्ति', 'district.status': 'स्थिति',
  'district.signals': 'नागरिक संकेत (1 घं)', 'district.inTransit': 'रास्ते में', 'district.asOf': 'तक की स्थिति',
  'district.backlog': 'विभाग अनुसार शिकायतें', 'district.department': 'विभाग', 'district.open': 'लंबित',
  'district.oldest': 'सबसे पुरानी', 'district.breaches': 'समय-सीमा पार', 'district.openedHour': 'खुलीं (1 घं)',
  'district.resolvedHour': 'निपटीं (1 घं)', 'district.trend': 'कॉल और संदेश (आज)',
  'district.messages': 'हाल के संदेश', 'district.messages.search': 'इस ज़िले के संदेश खोजें',
  'district.workers': 'श्रमिक', 'district.workersFrom': 'इस ज़िले के', 'district.workersIn': 'इस ज़िले में काम कर रहे',
  'district.rating': 'रेटिंग', 'district.rating.sla': 'समय-सीमा पालन', 'district.rating.timeliness': 'समय पर रिपोर्ट',
  'district.rating.resolution': 'कमी का समाधान', 'district.alerts': 'सक्रिय अलर्ट', 'district.report': 'इस ज़िले की रिपोर्ट',
  'workers.title': 'प्रवासी श्रमिक', 'workers.total': 'पंजीकृत श्रमिक', 'workers.verified': 'पिछले {d} दिनों में सत्यापित',
  'workers.by.currentState': 'काम के राज्य अनुसार', 'workers.by.currentDistrict': 'काम के ज़िले अनुसार',
  'workers.by.skill': 'कौशल अनुसार', 'workers.by.homeDistrict': 'गृह ज़िले अनुसार', 'workers.by.status': 'स्थिति अनुसार',
  'workers.search': 'पंजी में खोज', 'workers.search.q': 'नाम, फ़ोन या आईडी', 'workers.skill': 'कौशल',
  'workers.id': 'आईडी', 'workers.phone': 'फ़ोन', 'workers.home': 'गृह ज़िला', 'workers.current': 'काम का स्थान',
  'workers.status': 'स्थिति', 'workers.verifiedAt': 'सत्यापन', 'workers.skills': 'कौशल',
  'workers.status.home': 'घर पर', 'workers.status.working': 'काम पर', 'workers.status.unreachable': 'संपर्क नहीं',
  'workers.unknown': 'पता नहीं', 'workers.masked': 'आपकी भूमिका के लिए निजी जानकारी छिपाई गई है।',
  'search.title': 'संदेश और शिकायतें खोजें', 'search.q': 'शब्द (हिन्दी या अंग्रेज़ी)', 'search.results': '{n} परिणाम',
  'search.feed': 'स्रोत', 'search.text': 'पाठ', 'feed.messages': 'संदेश', 'feed.tickets': 'शिकायत', 'feed.calls': 'कॉल',
  'report.title': 'स्थिति रिपोर्ट', 'report.scope.state': 'पूरा राज्य', 'report.generated': '{t} पर बनी',
  'report.figures': 'आज के आंकड़े', 'report.calls': 'कॉल', 'report.messages': 'नागरिक संदेश',
  'report.ticketsOpened': 'खुली शिकायतें', 'report.ticketsResolved': 'निपटाई शिकायतें',
  'report.alerts': 'उठे अलर्ट', 'report.shortages': 'कमी (कम या गंभीर)', 'report.charts': 'चार्ट',
  'report.worstDistricts': 'ध्यान देने योग्य ज़िले', 'report.alertList': 'आज के अलर्ट',
  'report.source': 'स्रोत: वॉर रूम के लाइव आंकड़े; मानचित्र डेटा DataMeet (CC BY 2.5 IN)।',
  'report.vsPrevious': 'पिछले दिन की तुलना में', 'report.slaCompliance': 'समय-सीमा में शिकायतें',
  'report.workersVerified': 'आज सत्यापित श्रमिक',
  'login.title': 'साइन इन', 'login.username': 'उपयोगकर्ता नाम', 'login.password': 'पासवर्ड', 'login.submit': 'साइन इन करें',
  'login.bad': 'उपयोगकर्ता नाम या पासवर्ड ग़लत है।', 'login.throttled': 'बहुत अधिक प्रयास। {s} सेकंड बाद फिर कोशिश करें।',
  'login.failed': 'साइन इन नहीं हो सका ({status})।', 'login.expired': 'आपका सत्र समाप्त हो गया। फिर से साइन इन करें।',
  'admin.title': 'प्रशासन', 'admin.users': 'उपयोगकर्ता', 'admin.newUser': 'नया उपयोगकर्ता', 'admin.role': 'भूमिका',
  'admin.districts': 'ज़िले (LGD कोड, अल्पविराम से अलग)', 'admin.categories': 'श्रेणियाँ (अल्पविराम से अलग)',
  'admin.contact.email': 'ई-मेल', 'admin.contact.phone': 'फ़ोन', 'admin.create': 'बनाएँ',
  'admin.keys': 'इनजेस्ट API कुंजियाँ', 'admin.newKey': 'नई API कुंजी', 'admin.source': 'स्रोत', 'admin.feeds': 'फ़ीड',
  'admin.key.shown': 'नई कुंजी (केवल एक बार दिखेगी, अभी कॉपी करें):', 'admin.copy': 'कॉपी करें', 'admin.created': 'बन गया।',
  'admin.failed': 'विफल: {reason}', 'admin.audit': 'ऑडिट लॉग', 'admin.audit.user': 'उपयोगकर्ता', 'admin.audit.action': 'कार्य',
  'admin.audit.detail': 'विवरण',
  'admin.subs': 'अलर्ट सदस्यताएँ',
  'admin.subs.hint': 'किसी उपयोगकर्ता को चुनें और उसकी अलर्ट सदस्यता देखें, जोड़ें, बदलें या हटाएँ। सूची में कुछ न चुनने का अर्थ है सभी; शांत समय में केवल गंभीर अलर्ट भेजे जाते हैं।',
  'admin.subs.user': 'उपयोगकर्ता', 'admin.subs.choose': '— उपयोगकर्ता चुनें —', 'admin.subs.updated': 'अद्यतन',
  'admin.subs.none': 'कोई सदस्यता नहीं: इस उपयोगकर्ता को सूचना नहीं भेजी जाती।', 'admin.subs.remove': 'हटाएँ',
  'admin.subs.removed': '{user} की सदस्यता हटा दी गई।', 'admin.subs.all': 'सभी',
  'admin.subs.criticalAnyway': '{q} (गंभीर अलर्ट फिर भी भेजे जाते हैं)',
  'role.operator': 'राज्य ऑपरेटर', 'role.commander': 'ज़िला कमांडर', 'role.responder': 'रिस्पॉन्डर',
  'role.admin': 'प्रशासक',
};

export const DICTIONARIES = { en, hi };

let current = (() => {
  try {
    const stored = localStorage.getItem(STORE_KEY);
    if (stored === 'en' || stored === 'hi') return stored;
  } catch (e) { /* storage disabled */ }
  return (navigator.language || '').toLowerCase().startsWith('hi') ? 'hi' : 'en';
})();

export function lang() {
  return current;
}

/** The label for key in the current language, {name} placeholders filled in; falls back to English, then the key. */
export function t(key, vars = {}) {
  const text = DICTIONARIES[current][key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

/** t() when the key exists, else the fallback (for codes that may have no label, e.g. a new department). */
export function tOr(key, fallback) {
  return (key in DICTIONARIES[current] || key in en) ? t(key) : fallback;
}

/** A district's name in the current language. */
export function districtName(d) {
  if (!d) return '';
  return current === 'hi' && d.nameHi ? d.nameHi : d.name;
}

/** Fills every data-i18n* element under root. */
export function applyI18n(root = document) {
  document.documentElement.lang = current;
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of root.querySelectorAll('[data-i18n-placeholder]')) node.placeholder = t(node.dataset.i18nPlaceholder);
  for (const node of root.querySelectorAll('[data-i18n-title]')) node.title = t(node.dataset.i18nTitle);
  for (const node of root.querySelectorAll('[data-i18n-aria]')) node.setAttribute('aria-label', t(node.dataset.i18nAria));
}

/** Switches language, remembers it, relabels the page and tells listeners ('langchange' on window). */
export function setLang(next) {
  current = next === 'hi' ? 'hi' : 'en';
  try { localStorage.setItem(STORE_KEY, current); } catch (e) { /* storage disabled */ }
  applyI18n();
  window.dispatchEvent(new CustomEvent('langchange', { detail: current }));
}
