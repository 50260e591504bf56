<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>Command</name>
    <message>
        <source>start</source>
        <translation>inicio</translation>
    </message>
    <message>
        <source>change</source>
        <translation>cambio</translation>
    </message>
    <message>
        <source>stop</source>
        <translation>suspensión</translation>
    </message>
    <message>
        <source>start and stop</source>
        <translation>inicio y suspensión</translation>
    </message>
    <message>
        <source>taper step</source>
        <translation>paso de la reducción gradual</translation>
    </message>
    <message>
        <source>taper step length</source>
        <translation>duración del paso de la reducción gradual</translation>
    </message>
    <message>
        <source>today&apos;s {slot} dose</source>
        <extracomment>One of today&apos;s doses in &quot;change {field} to {value}&quot; (&quot;change today&apos;s morning dose to 300 mg&quot;).</extracomment>
        <translation>dosis de hoy de {slot}</translation>
    </message>
    <message>
        <source>{slot} dose time</source>
        <extracomment>One dose time in &quot;change {field} to {value}&quot; (&quot;change bedtime dose time to 22:00&quot;).</extracomment>
        <translation>hora de la dosis de {slot}</translation>
    </message>
    <message>
        <source>1 day</source>
        <extracomment>One day, in &quot;change step interval to 1 day&quot; (more days: &quot;{value} {unit}&quot;).</extracomment>
        <translation>1 día</translation>
    </message>
    <message>
        <source>{value} {unit}</source>
        <extracomment>A number with its unit, in &quot;Change {field} to {value}&quot; (&quot;1800 mg per day&quot;).</extracomment>
        <translation>{value} {unit}</translation>
    </message>
    <message>
        <source>not specified</source>
        <extracomment>No indication chosen, in &quot;change indication to {value}&quot;.</extracomment>
        <translation>sin especificar</translation>
    </message>
    <message>
        <source>turn on {field}</source>
        <translation>activar {field}</translation>
    </message>
    <message>
        <source>turn off {field}</source>
        <translation>desactivar {field}</translation>
    </message>
    <message>
        <source>clear {field}</source>
        <extracomment>A text (or the strengths) emptied, in Edit &gt; Undo / Redo (&quot;clear patient name&quot;).</extracomment>
        <translation>borrar {field}</translation>
    </message>
    <message>
        <source>change {field}</source>
        <extracomment>Edit &gt; Undo / Redo after the user changed a field whose value is not repeated in the menu (names and numbers that identify the patient, texts, lists).</extracomment>
        <translation>cambiar {field}</translation>
    </message>
    <message>
        <source>change {field} to {value}</source>
        <translation>cambiar {field} a {value}</translation>
    </message>
    <message>
        <source>the problem at {field} ({value})</source>
        <extracomment>A blocking problem in command.record-override: {field} is where it is (command field words), {value} the value it is about (&quot;the problem at target dose (peak 2400 mg/day, maximum 1800 mg/day)&quot;).</extracomment>
        <translation>el problema en {field} ({value})</translation>
    </message>
    <message>
        <source>the problem ({value})</source>
        <extracomment>A blocking problem in command.record-override when its field is not known.</extracomment>
        <translation>el problema ({value})</translation>
    </message>
    <message>
        <source>a blocking problem</source>
        <extracomment>A blocking problem in command.record-override when neither its field nor its value is known.</extracomment>
        <translation>un problema bloqueante</translation>
    </message>
    <message>
        <source>override {problem}</source>
        <extracomment>Edit &gt; Undo / Redo after the prescriber recorded an override of a blocking problem; {problem} names the problem (command.problem-at). Every command&apos;s name starts in lower case: Qt puts &quot;Undo &quot; before it.</extracomment>
        <translation>registrar una excepción a {problem}</translation>
    </message>
    <message>
        <source>remove the override of {problem}</source>
        <extracomment>Edit &gt; Undo / Redo after the prescriber removed an override; {problem} names the problem (command.problem-at).</extracomment>
        <translation>quitar la excepción a {problem}</translation>
    </message>
    <message>
        <source>stay on step {step}&apos;s dose {n} more day</source>
        <extracomment>Edit &gt; Undo / Redo after the prescriber inserted a hold after a step (&quot;Stay on step 3&apos;s dose 7 more days&quot;).</extracomment>
        <translation>mantener la dosis del paso {step} {n} día más</translation>
    </message>
    <message>
        <source>stay on step {step}&apos;s dose {n} more days</source>
        <translation>mantener la dosis del paso {step} {n} días más</translation>
    </message>
    <message>
        <source>change step {step}&apos;s doses</source>
        <extracomment>Edit &gt; Undo / Redo after the prescriber changed how a step&apos;s dose is split between the times of day.</extracomment>
        <translation>cambiar las dosis del paso {step}</translation>
    </message>
    <message>
        <source>change step {step}&apos;s daily dose to {mg} mg per day</source>
        <extracomment>Edit &gt; Undo / Redo after the prescriber changed a step&apos;s daily dose in the schedule table.</extracomment>
        <translation>cambiar la dosis diaria del paso {step} a {mg} mg al día</translation>
    </message>
    <message>
        <source>change step {step}&apos;s length to {n} day</source>
        <extracomment>Edit &gt; Undo / Redo after the prescriber changed a step&apos;s length in the schedule table.</extracomment>
        <translation>cambiar la duración del paso {step} a {n} día</translation>
    </message>
    <message>
        <source>change step {step}&apos;s length to {n} days</source>
        <translation>cambiar la duración del paso {step} a {n} días</translation>
    </message>
    <message>
        <source>remove step edits</source>
        <extracomment>Edit &gt; Undo / Redo after the prescriber removed every step edit.</extracomment>
        <translation>quitar los cambios de los pasos</translation>
    </message>
    <message>
        <source>use the label&apos;s start for {indication}</source>
        <extracomment>Edit &gt; Undo / Redo after the clinician put in the label&apos;s start; {indication} names the indication.</extracomment>
        <translation>usar el inicio de la ficha técnica para {indication}</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>type it as 2027-03-15 or 15 Mar 2027</source>
        <translation>escríbala como 2027-03-15 o 15 mar 2027</translation>
    </message>
    <message>
        <source>“{text}” is not a date that exists: {example}</source>
        <translation>“{text}” no es una fecha que exista: {example}</translation>
    </message>
    <message>
        <source>“{text}”: write the year with 4 digits ({example})</source>
        <translation>“{text}”: escriba el año con 4 dígitos ({example})</translation>
    </message>
    <message>
        <source>is empty: {example}</source>
        <translation>está vacía: {example}</translation>
    </message>
    <message>
        <source>“{text}” is not a date: {example}</source>
        <translation>“{text}” no es una fecha: {example}</translation>
    </message>
    <message>
        <source>“{text}” is not a whole date (day, month and year): {example}</source>
        <translation>“{text}” no es una fecha completa (día, mes y año): {example}</translation>
    </message>
    <message>
        <source>“{text}” could be {one} or {other}; write the month as a word (15 Mar 2027) or the date as 2027-03-15</source>
        <translation>“{text}” puede ser {one} o {other}; escriba el mes con letras (15 mar 2027) o la fecha como 2027-03-15</translation>
    </message>
    <message>
        <source>“{text}” is not a month or day name: {example}</source>
        <translation>“{text}” no es el nombre de un mes ni de un día: {example}</translation>
    </message>
    <message>
        <source>“{text}” has no month name I know: {example}</source>
        <translation>“{text}” no tiene ningún nombre de mes conocido: {example}</translation>
    </message>
    <message>
        <source>“{text}” has two months: {example}</source>
        <translation>“{text}” tiene dos meses: {example}</translation>
    </message>
    <message>
        <source>“{text}” needs a day and a 4-digit year: {example}</source>
        <translation>“{text}” necesita un día y un año de 4 dígitos: {example}</translation>
    </message>
    <message>
        <source>“{text}”: {date} is not a {day}; check the day</source>
        <translation>“{text}”: {date} no es {day}; revise el día</translation>
    </message>
    <message>
        <source>Type a date (2027-03-15, 15 Mar 2027, or as your system writes dates) and press Enter; Up/Down move a day, Alt+Down opens the calendar.</source>
        <translation>Escriba una fecha (2027-03-15, 15 mar 2027 o como su sistema escribe las fechas) y pulse Intro; Arriba/Abajo mueven un día, Alt+Abajo abre el calendario.</translation>
    </message>
    <message>
        <source>Choose from a calendar (Alt+Down)</source>
        <translation>Elegir en un calendario (Alt+Abajo)</translation>
    </message>
    <message>
        <source>T&amp;oday</source>
        <translation>&amp;Hoy</translation>
    </message>
    <message>
        <source>Set the {field} to today</source>
        <translation>Poner hoy como {field}</translation>
    </message>
    <message>
        <source>{name}: {why}. The {field} is still {kept}.</source>
        <translation>{name}: {why}. La {field} sigue siendo {kept}.</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <source>Add a dose a day at each step, from the label&apos;s minimum</source>
        <translation>Añadir una toma al día en cada paso, desde el mínimo de la ficha técnica</translation>
    </message>
    <message>
        <source>Every dose from day 1</source>
        <translation>Todas las tomas desde el día 1</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Mujer</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Hombre</translation>
    </message>
    <message>
        <source>No taper</source>
        <translation>Sin reducción gradual</translation>
    </message>
    <message>
        <source>By mg per step</source>
        <translation>Por mg en cada paso</translation>
    </message>
    <message>
        <source>By percent per step</source>
        <translation>Por porcentaje en cada paso</translation>
    </message>
    <message>
        <source>Not entered</source>
        <translation>No ingresada</translation>
    </message>
    <message>
        <source>CrCl entered</source>
        <translation>CrCl ingresado</translation>
    </message>
    <message>
        <source>Cockcroft-Gault</source>
        <translation>Cockcroft-Gault</translation>
    </message>
    <message>
        <source>Not specified (overall label limits)</source>
        <translation>Sin especificar (límites generales de la ficha técnica)</translation>
    </message>
    <message>
        <source>{product} (scored, may be halved)</source>
        <extracomment>A strength the prescriber may dispense, when the tablet is scored (&quot;600 mg tablet (scored, may be halved)&quot;).</extracomment>
        <translation>{product} (ranurada, se puede partir por la mitad)</translation>
    </message>
    <message>
        <source>Dispense {product}</source>
        <translation>Dispensar {product}</translation>
    </message>
    <message>
        <source>Medicine</source>
        <translation>Medicamento</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Pauta</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Fecha de inicio</translation>
    </message>
    <message>
        <source>Clock time of the dose: {slot}</source>
        <translation>Hora de la toma: {slot}</translation>
    </message>
    <message>
        <source>Taper</source>
        <translation>Reducción gradual</translation>
    </message>
    <message>
        <source>Kidney function</source>
        <translation>Función renal</translation>
    </message>
    <message>
        <source>Serum creatinine unit</source>
        <translation>Unidad de la creatinina sérica</translation>
    </message>
    <message>
        <source>On haemodialysis</source>
        <translation>En hemodiálisis</translation>
    </message>
    <message>
        <source>Kidney function result</source>
        <translation>Resultado de la función renal</translation>
    </message>
    <message>
        <source>Patient and prescriber</source>
        <translation>Paciente y prescriptor</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (optional)</source>
        <translation>AAAA-MM-DD (opcional)</translation>
    </message>
    <message>
        <source>{language}, not reviewed</source>
        <extracomment>The form&apos;s choice of handout language, for a translation no qualified medical translator has reviewed yet. {language}: &quot;Español (Spanish)&quot;.</extracomment>
        <translation>{language}, sin revisar</translation>
    </message>
    <message>
        <source>Start: titrate up, then continue</source>
        <translation>Inicio: subir la dosis y luego continuar</translation>
    </message>
    <message>
        <source>Change: from today&apos;s doses to a new dose</source>
        <translation>Cambio: de las dosis de hoy a una nueva dosis</translation>
    </message>
    <message>
        <source>Stop: taper today&apos;s doses to zero</source>
        <translation>Suspensión: reducir las dosis de hoy hasta cero</translation>
    </message>
    <message>
        <source>Start and stop: titrate, hold, taper</source>
        <translation>Inicio y suspensión: subir, mantener, reducir</translation>
    </message>
    <message>
        <source>Continue until review</source>
        <translation>Continuar hasta la revisión</translation>
    </message>
    <message>
        <source>Hold for a number of days</source>
        <translation>Mantener un número de días</translation>
    </message>
    <message>
        <source>None (capsules and tablets)</source>
        <translation>Ninguno (cápsulas y tabletas)</translation>
    </message>
    <message>
        <source>Every step</source>
        <translation>Todos los pasos</translation>
    </message>
    <message>
        <source>The taper&apos;s last steps</source>
        <translation>Los últimos pasos de la reducción gradual</translation>
    </message>
    <message>
        <source>Morning</source>
        <translation>Mañana</translation>
    </message>
    <message>
        <source>Midday</source>
        <translation>Mediodía</translation>
    </message>
    <message>
        <source>Evening</source>
        <translation>Tarde</translation>
    </message>
    <message>
        <source>Bedtime</source>
        <translation>Al acostarse</translation>
    </message>
    <message>
        <source>Spread evenly over the day</source>
        <extracomment>The taper&apos;s cut-order choice where no time of day is cut first: each step re-splits the day&apos;s dose evenly.</extracomment>
        <translation>Repartir por igual durante el día</translation>
    </message>
    <message>
        <source>{slots}</source>
        <extracomment>The taper&apos;s cut-order choice: the times of day in the order they are cut (&quot;Morning, Midday, Evening, Bedtime&quot;).</extracomment>
        <translation>{slots}</translation>
    </message>
    <message>
        <source>Today&apos;s dose, {slot}</source>
        <extracomment>A screen reader&apos;s name of one of today&apos;s dose fields (&quot;Today&apos;s dose, Morning&quot;).</extracomment>
        <translation>Dosis de hoy, {slot}</translation>
    </message>
    <message>
        <source>Use the &amp;label&apos;s start</source>
        <extracomment>The button in the medicine group that puts in the label&apos;s start for the drug and indication chosen; &amp; marks its Alt letter.</extracomment>
        <translation>&amp;Usar el inicio de la ficha técnica</translation>
    </message>
    <message>
        <source>Replace the schedule with the label&apos;s start, titration and target for this drug and indication (one undo step)</source>
        <extracomment>The tooltip of form.use-label-start.</extracomment>
        <translation>Reemplazar la pauta por el inicio, la titulación y el objetivo de la ficha técnica para este medicamento e indicación (un solo paso para deshacer)</translation>
    </message>
    <message>
        <source>Oral solution</source>
        <extracomment>The title of the form&apos;s group of oral solution fields.</extracomment>
        <translation>Solución oral</translation>
    </message>
    <message>
        <source>{ml} mL</source>
        <extracomment>An oral syringe choice (&quot;5 mL&quot;); {ml} may carry the &amp; of its Alt letter.</extracomment>
        <translation>{ml} mL</translation>
    </message>
    <message>
        <source>Reduce by</source>
        <translation>Reducir en</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>Cada</translation>
    </message>
    <message>
        <source>Serum creatinine</source>
        <translation>Creatinina sérica</translation>
    </message>
    <message>
        <source>Doses taken now</source>
        <translation>Dosis que toma ahora</translation>
    </message>
    <message>
        <source>Liquid for</source>
        <translation>Líquido para</translation>
    </message>
    <message>
        <source>At or below</source>
        <translation>Con o menos de</translation>
    </message>
    <message>
        <source>Justification</source>
        <translation>Justificación</translation>
    </message>
    <message>
        <source>{mg} mg capsule</source>
        <extracomment>A capsule or tablet of a strength, in the form&apos;s list of strengths and the dispense totals.</extracomment>
        <translation>cápsula de {mg} mg</translation>
    </message>
    <message>
        <source>{mg} mg tablet</source>
        <translation>tableta de {mg} mg</translation>
    </message>
    <message>
        <source>The label has a start for {indication}: Use the label&apos;s start (Alt+L) puts it in, as one undo step.</source>
        <extracomment>Status bar after the drug or indication was chosen and the label has a start for it.</extracomment>
        <translation>La ficha técnica tiene un inicio para {indication}: Usar el inicio de la ficha técnica (Alt+U) lo pone, en un solo paso para deshacer.</translation>
    </message>
</context>
<context>
    <name>Menu</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Nuevo…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Abrir…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <source>Open &amp;from Code…</source>
        <extracomment>File menu: read a plan back from the code printed on its clinician&apos;s page; &amp; marks its Alt letter.</extracomment>
        <translation>A&amp;brir desde un código…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Guardar &amp;como…</translation>
    </message>
    <message>
        <source>Print Pre&amp;view…</source>
        <translation>Vista &amp;previa de impresión…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>Export as P&amp;DF…</source>
        <translation>Exportar como P&amp;DF…</translation>
    </message>
    <message>
        <source>Print Clinician&apos;s Pa&amp;ge…</source>
        <extracomment>File menu: print only the clinician&apos;s and pharmacy&apos;s page; &amp; marks its Alt letter.</extracomment>
        <translation>Imprimir la página del clínic&amp;o…</translation>
    </message>
    <message>
        <source>&amp;Export Clinician&apos;s Page as PDF…</source>
        <extracomment>File menu: export only the clinician&apos;s and pharmacy&apos;s page as a PDF; &amp; marks its Alt letter.</extracomment>
        <translation>E&amp;xportar la página del clínico como PDF…</translation>
    </message>
    <message>
        <source>Export as &amp;CSV…</source>
        <translation>Exportar como CS&amp;V…</translation>
    </message>
    <message>
        <source>Export to Ca&amp;lendar (.ics)…</source>
        <translation>Exportar al ca&amp;lendario (.ics)…</translation>
    </message>
    <message>
        <source>Export for the &amp;Health Record (FHIR)…</source>
        <extracomment>File menu: export the plan as a FHIR record for the health record system; &amp; marks its Alt letter.</extracomment>
        <translation>Exportar para la &amp;historia clínica (FHIR)…</translation>
    </message>
    <message>
        <source>Pr&amp;intout Options</source>
        <translation>Opciones de i&amp;mpresión</translation>
    </message>
    <message>
        <source>&amp;Large print</source>
        <translation>&amp;Letra grande</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>&amp;Stay on this dose 7 more days</source>
        <extracomment>Edit menu and the schedule table&apos;s context menu: insert a 7-day hold at the current row&apos;s dose; &amp; marks its Alt letter.</extracomment>
        <translation>&amp;Mantener esta dosis 7 días más</translation>
    </message>
    <message>
        <source>&amp;Edit this step&apos;s daily dose</source>
        <extracomment>Edit menu and the schedule table&apos;s context menu: type the current row&apos;s daily dose (F2 edits any of its numbers).</extracomment>
        <translation>&amp;Cambiar la dosis diaria de este paso</translation>
    </message>
    <message>
        <source>Remove step edi&amp;ts</source>
        <extracomment>Edit menu and the schedule table&apos;s context menu: put every step the prescriber shaped back (one undo step).</extracomment>
        <translation>&amp;Quitar los cambios de los pasos</translation>
    </message>
    <message>
        <source>&amp;Override a Blocking Problem…</source>
        <extracomment>Edit menu: record an override (with a reason) of the blocking problem chosen in the problems list; &amp; marks its Alt letter.</extracomment>
        <translation>Registrar una &amp;excepción a un problema bloqueante…</translation>
    </message>
    <message>
        <source>Remove O&amp;verride</source>
        <extracomment>Edit menu: remove the override of the blocking problem chosen in the problems list; &amp; marks its Alt letter.</extracomment>
        <translation>Quitar la e&amp;xcepción</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Acerca de</translation>
    </message>
    <message>
        <source>&amp;Portrait</source>
        <translation>&amp;Vertical</translation>
    </message>
    <message>
        <source>Lan&amp;dscape</source>
        <translation>&amp;Horizontal</translation>
    </message>
    <message>
        <source>&amp;Tick chart pages</source>
        <extracomment>File &gt; Printout Options: add the month tick chart pages for the patient or carer; &amp; marks its Alt letter.</extracomment>
        <translation>Hojas de &amp;control de tomas</translation>
    </message>
    <message>
        <source>&amp;Emergency number…</source>
        <extracomment>File &gt; Printout Options: the emergency number printed on the patient&apos;s pages; &amp; marks its Alt letter.</extracomment>
        <translation>Número de &amp;emergencia…</translation>
    </message>
    <message>
        <source>Plan &amp;code on the patient&apos;s pages</source>
        <extracomment>File &gt; Printout Options: print the plan&apos;s code on the patient&apos;s pages too (it is always on the clinician&apos;s page).</extracomment>
        <translation>Có&amp;digo del plan en las páginas del paciente</translation>
    </message>
    <message>
        <source>Patient&apos;s &amp;name in the plan code</source>
        <extracomment>File &gt; Printout Options: let the plan&apos;s code hold the patient&apos;s name, identifier and date of birth; &amp; marks its Alt letter.</extracomment>
        <translation>&amp;Nombre del paciente en el código del plan</translation>
    </message>
    <message>
        <source>Opened the plan from its code. Save it to keep it.</source>
        <extracomment>Status bar after File &gt; Open from Code.</extracomment>
        <translation>Se abrió el plan desde su código. Guárdelo para conservarlo.</translation>
    </message>
    <message>
        <source>&amp;Window Language</source>
        <extracomment>File menu: the submenu that chooses the language of the window&apos;s menus and form (not the handout&apos;s).</extracomment>
        <translation>Idioma de la ven&amp;tana</translation>
    </message>
    <message>
        <source>The window will be in {language} the next time Titration Planner starts.</source>
        <extracomment>Status bar after File &gt; Window Language; {language} is the language&apos;s own name (&quot;Español&quot;).</extracomment>
        <translation>La ventana estará en {language} la próxima vez que se abra Titration Planner.</translation>
    </message>
</context>
<context>
    <name>NewPlan</name>
    <message>
        <source>Enter the doses the patient takes now, at each time of day.</source>
        <extracomment>Status bar after File &gt; New made a change or stop plan: the form asks today&apos;s doses.</extracomment>
        <translation>Ingrese las dosis que el paciente toma ahora, en cada momento del día.</translation>
    </message>
    <message>
        <source>&amp;Start it: titrate up, then continue until a review</source>
        <translation>I&amp;niciar: subir la dosis y luego continuar hasta una revisión</translation>
    </message>
    <message>
        <source>C&amp;hange today&apos;s dose: up or down to a new daily dose</source>
        <translation>&amp;Cambiar la dosis de hoy: subir o bajar a una nueva dosis diaria</translation>
    </message>
    <message>
        <source>S&amp;top it: taper today&apos;s doses to zero</source>
        <translation>&amp;Suspender: reducir las dosis de hoy hasta cero</translation>
    </message>
    <message>
        <source>Start &amp;and stop: titrate, hold, then taper</source>
        <translation>Iniciar &amp;y suspender: subir, mantener y luego reducir</translation>
    </message>
    <message>
        <source>New plan</source>
        <extracomment>The title of the File &gt; New dialog.</extracomment>
        <translation>Nuevo plan</translation>
    </message>
    <message>
        <source>What does the plan do?</source>
        <extracomment>The File &gt; New dialog&apos;s question above the kinds of plan.</extracomment>
        <translation>¿Qué hace el plan?</translation>
    </message>
    <message>
        <source>&amp;Drug</source>
        <translation>&amp;Medicamento</translation>
    </message>
    <message>
        <source>&amp;Indication</source>
        <translation>&amp;Indicación</translation>
    </message>
    <message>
        <source>Create</source>
        <extracomment>File &gt; New: the button that makes the plan (Enter).</extracomment>
        <translation>Crear</translation>
    </message>
    <message>
        <source>Not specified (overall label limits)</source>
        <extracomment>File &gt; New: the indication choice for none (the label&apos;s overall limits, no label start).</extracomment>
        <translation>Sin especificar (límites generales de la ficha técnica)</translation>
    </message>
</context>
<context>
    <name>ScreenReader</name>
    <message>
        <source>Chart of {drug}: no doses to show.</source>
        <extracomment>The chart&apos;s text alternative when the plan has no days to show.</extracomment>
        <translation>Gráfico de {drug}: no hay dosis que mostrar.</translation>
    </message>
    <message>
        <source>Then {mg} mg a day until the review on {date}.</source>
        <extracomment>In access.chart-summary: the plan holds its last dose until the review date.</extracomment>
        <translation>Después, {mg} mg al día hasta la revisión del {date}.</translation>
    </message>
    <message>
        <source>Then {mg} mg a day goes on after {date}.</source>
        <extracomment>In access.chart-summary: the patient goes on taking the last dose after the plan&apos;s last day.</extracomment>
        <translation>Después, {mg} mg al día continúan después del {date}.</translation>
    </message>
    <message>
        <source>The last dose is on {date}; then the medicine stops.</source>
        <extracomment>In access.chart-summary: the plan tapers to a stop; {date} is the day of the last dose.</extracomment>
        <translation>La última dosis es el {date}; después se suspende el medicamento.</translation>
    </message>
    <message>
        <source>Chart of {drug}, from {start_mg} to {target_mg} mg a day, {first} to {last}: {up} and {down}. {ending}</source>
        <extracomment>The chart&apos;s text alternative for screen readers (its accessible description): {drug} its name, {start_mg} and {target_mg} as in the chart&apos;s title, {first} and {last} the plan&apos;s first and last days, {up} access.steps-up, {down} access.steps-down, {ending} one of access.chart-until-review, access.chart-continues or access.chart-stops.</extracomment>
        <translation>Gráfico de {drug}, de {start_mg} a {target_mg} mg al día, del {first} al {last}: {up} y {down}. {ending}</translation>
    </message>
    <message>
        <source>{n} step up</source>
        <translation>{n} paso de subida</translation>
    </message>
    <message>
        <source>{n} steps up</source>
        <translation>{n} pasos de subida</translation>
    </message>
    <message>
        <source>{n} step down</source>
        <translation>{n} paso de bajada</translation>
    </message>
    <message>
        <source>{n} steps down</source>
        <translation>{n} pasos de bajada</translation>
    </message>
</context>
<context>
    <name>Table</name>
    <message>
        <source>Dates</source>
        <translation>Fechas</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Días</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Morning</source>
        <translation>Mañana</translation>
    </message>
    <message>
        <source>Midday</source>
        <translation>Mediodía</translation>
    </message>
    <message>
        <source>Evening</source>
        <translation>Tarde</translation>
    </message>
    <message>
        <source>Bedtime</source>
        <translation>Al acostarse</translation>
    </message>
    <message>
        <source>Capsules / tablets</source>
        <translation>Cápsulas / tabletas</translation>
    </message>
    <message>
        <source>stop</source>
        <translation>fin</translation>
    </message>
    <message>
        <source>{units} each dose</source>
        <translation>{units} en cada toma</translation>
    </message>
    <message>
        <source>morning</source>
        <translation>mañana</translation>
    </message>
    <message>
        <source>midday</source>
        <translation>mediodía</translation>
    </message>
    <message>
        <source>evening</source>
        <translation>tarde</translation>
    </message>
    <message>
        <source>bedtime</source>
        <translation>al acostarse</translation>
    </message>
    <message>
        <source>{slot}: {units}</source>
        <translation>{slot}: {units}</translation>
    </message>
    <message>
        <source>after dialysis: {mg} mg</source>
        <translation>después de la diálisis: {mg} mg</translation>
    </message>
    <message>
        <source>titration</source>
        <translation>titulación</translation>
    </message>
    <message>
        <source>maintenance</source>
        <translation>mantenimiento</translation>
    </message>
    <message>
        <source>taper</source>
        <translation>reducción gradual</translation>
    </message>
    <message>
        <source>{phase} (hold)</source>
        <extracomment>The schedule table&apos;s Phase cell of a hold the prescriber inserted (&quot;titration (hold)&quot;).</extracomment>
        <translation>{phase} (mantener)</translation>
    </message>
    <message>
        <source>{phase} (edited)</source>
        <extracomment>The schedule table&apos;s Phase cell of a step the prescriber edited (&quot;titration (edited)&quot;).</extracomment>
        <translation>{phase} (cambiado)</translation>
    </message>
    <message>
        <source>“{text}” is not a whole number: type the {column} as digits (the step is unchanged)</source>
        <extracomment>Status bar when a number typed into the schedule table is not a whole number; {column} names the column.</extracomment>
        <translation>“{text}” no es un número entero: escriba {column} con dígitos (el paso no cambia)</translation>
    </message>
    <message>
        <source>Shaped by the prescriber in this table. Edit &gt; Remove step edits puts every step back.</source>
        <extracomment>The tooltip of the Phase cell of a step the prescriber shaped.</extracomment>
        <translation>Cambiado por el prescriptor en esta tabla. Editar &gt; Quitar los cambios de los pasos devuelve cada paso a como era.</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <source>day</source>
        <translation>día</translation>
    </message>
    <message>
        <source>days</source>
        <translation>días</translation>
    </message>
    <message>
        <source>mg/day</source>
        <translation>mg/día</translation>
    </message>
    <message>
        <source>mg</source>
        <translation>mg</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>mL/min</source>
        <translation>mL/min</translation>
    </message>
    <message>
        <source>years</source>
        <translation>años</translation>
    </message>
    <message>
        <source>kg</source>
        <translation>kg</translation>
    </message>
</context>
<context>
    <name>Window</name>
    <message>
        <source>Schedule chart</source>
        <translation>Gráfico de la pauta</translation>
    </message>
    <message>
        <source>the planner could not compute this plan ({error}); nothing is shown as valid. Please report this</source>
        <extracomment>At the kind of plan and in the problems list when the engine failed on the plan (a fault in the program, not in the input); {error} is the fault as Python names it.</extracomment>
        <translation>el planificador no pudo calcular este plan ({error}); nada se muestra como válido. Por favor, informe de este error</translation>
    </message>
    <message>
        <source>the plan</source>
        <extracomment>In window.cannot-show-plan: the file&apos;s name when the plan has none.</extracomment>
        <translation>el plan</translation>
    </message>
    <message>
        <source>• {item}</source>
        <extracomment>A field and its error, in the problems list and messages (&quot;Start dose: must be from 1 to 20000 mg per day&quot;).
----------
Print or export refused while an input is invalid; {errors} lists window.bullet lines.</extracomment>
        <translation>• {item}</translation>
    </message>
    <message>
        <source>{field}: {message}</source>
        <extracomment>A field and its error, in the problems list and messages (&quot;Start dose: must be from 1 to 20000 mg per day&quot;).</extracomment>
        <translation>{field}: {message}</translation>
    </message>
    <message>
        <source>Could not open {name}: the form cannot show it exactly.
{errors}

The plan on screen is unchanged.</source>
        <translation>No se pudo abrir {name}: el formulario no puede mostrarlo exactamente.
{errors}

El plan en pantalla no ha cambiado.</translation>
    </message>
    <message>
        <source>This plan has unsaved changes.
Do you want to save them?</source>
        <extracomment>File &gt; Open: a plan file whose numbers the form cannot show exactly; {errors} lists window.bullet lines.</extracomment>
        <translation>Este plan tiene cambios sin guardar.
¿Desea guardarlos?</translation>
    </message>
    <message>
        <source>Open plan</source>
        <extracomment>Asked before the plan on screen is dropped (New, Open, Quit).</extracomment>
        <translation>Abrir plan</translation>
    </message>
    <message>
        <source>Titration plans (*.tplan *.json);;All files (*)</source>
        <extracomment>The title of the Open dialog.</extracomment>
        <translation>Planes de titulación (*.tplan *.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Could not open {name}:
{reason}</source>
        <extracomment>The file types of the Open dialog.
----------
A plan file that cannot be read; {reason} says why.</extracomment>
        <translation>No se pudo abrir {name}:
{reason}</translation>
    </message>
    <message>
        <source>Titration plan (*.tplan)</source>
        <extracomment>Save dialog: the file type of a plan for the desktop (the plan JSON, with its own extension).</extracomment>
        <translation>Plan de titulación (*.tplan)</translation>
    </message>
    <message>
        <source>Titration plan as JSON (*.json)</source>
        <extracomment>Save dialog: the same plan as a plain .json file.</extracomment>
        <translation>Plan de titulación en JSON (*.json)</translation>
    </message>
    <message>
        <source>Save plan</source>
        <extracomment>A plan file that cannot be read; {reason} says why.</extracomment>
        <translation>Guardar plan</translation>
    </message>
    <message>
        <source>The plan cannot be saved until this is fixed:
{reason}</source>
        <extracomment>The title of the Save dialog.</extracomment>
        <translation>No se puede guardar el plan hasta corregir esto:
{reason}</translation>
    </message>
    <message>
        <source>{name} on disk is unchanged: it still holds the version saved before.</source>
        <extracomment>Save refused while an input is invalid; {reason} names the fields.</extracomment>
        <translation>{name} no ha cambiado en el disco: sigue teniendo la versión guardada antes.</translation>
    </message>
    <message>
        <source>No file was written.</source>
        <translation>No se escribió ningún archivo.</translation>
    </message>
    <message>
        <source>Could not save {name}: {reason}.

{kept} The plan is still open here; nothing was lost.</source>
        <extracomment>In window.could-not-save: the file existed before.</extracomment>
        <translation>No se pudo guardar {name}: {reason}.

{kept} El plan sigue abierto aquí; no se perdió nada.</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <extracomment>Save failed; {kept} is window.save-kept or window.nothing-written.</extracomment>
        <translation>Guardado {path}</translation>
    </message>
    <message>
        <source>No recent plans</source>
        <extracomment>Status bar after a save.</extracomment>
        <translation>No hay planes recientes</translation>
    </message>
    <message>
        <source>Autosave failed: {why}. Save the plan to keep it safe.</source>
        <extracomment>Status bar when the autosave to the recovery folder failed; {why} names the reason and folder.</extracomment>
        <translation>Falló el guardado automático: {why}. Guarde el plan para no perderlo.</translation>
    </message>
    <message>
        <source>Untitled plan</source>
        <extracomment>The window&apos;s title for a plan not saved to a file yet.</extracomment>
        <translation>Plan sin título</translation>
    </message>
    <message>
        <source>{name}[*] — {app}</source>
        <extracomment>The window&apos;s title: the plan&apos;s file name (or window.untitled), [*] marks unsaved changes.</extracomment>
        <translation>{name}[*] — {app}</translation>
    </message>
    <message>
        <source>Some remembered settings were reset: {settings}</source>
        <extracomment>Status bar at start-up when remembered settings were dropped; {settings} lists them.</extracomment>
        <translation>Se restablecieron algunos ajustes guardados: {settings}</translation>
    </message>
    <message>
        <source>Override a blocking problem</source>
        <extracomment>The title of the override dialog.</extracomment>
        <translation>Registrar una excepción a un problema bloqueante</translation>
    </message>
    <message>
        <source>{problem}

Why is this plan right for this patient? The reason is printed on the prescriber and pharmacy page.</source>
        <extracomment>The override dialog: {problem} is the problem in words.</extracomment>
        <translation>{problem}

¿Por qué este plan es el correcto para este paciente? El motivo se imprime en la página del prescriptor y de la farmacia.</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <extracomment>The override dialog: the label of the text box for the reason; &amp; marks its Alt letter.</extracomment>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <source>Enter records the override; Shift+Enter starts a new line; Esc cancels.</source>
        <extracomment>The override dialog: how the keyboard works in it.</extracomment>
        <translation>Intro registra la excepción; Mayús+Intro empieza una línea nueva; Esc cancela.</translation>
    </message>
    <message>
        <source>An override needs a reason.</source>
        <extracomment>An override was asked with an empty reason.</extracomment>
        <translation>Una excepción necesita un motivo.</translation>
    </message>
    <message>
        <source>There is no blocking problem {code} to override in this plan.</source>
        <extracomment>An override was asked for a problem the plan does not have.</extracomment>
        <translation>En este plan no hay ningún problema bloqueante {code} al que registrar una excepción.</translation>
    </message>
    <message>
        <source>Choose an overridden problem in the problems list first.</source>
        <translation>Primero elija en la lista de problemas un problema con excepción.</translation>
    </message>
    <message>
        <source>There is no blocking problem to override.</source>
        <translation>No hay ningún problema bloqueante al que registrar una excepción.</translation>
    </message>
    <message>
        <source>Which blocking problem do you override?</source>
        <translation>¿A qué problema bloqueante registra una excepción?</translation>
    </message>
    <message>
        <source>The plan has invalid inputs; fix them before printing:
{errors}</source>
        <translation>El plan tiene datos no válidos; corríjalos antes de imprimir:
{errors}</translation>
    </message>
    <message>
        <source>This plan cannot be printed or exported while it has a blocking problem:

{problems}

Change the plan, or right-click the problem in the list to record an override with a reason.</source>
        <extracomment>One line of a list in a message box.</extracomment>
        <translation>Este plan no se puede imprimir ni exportar mientras tenga un problema bloqueante:

{problems}

Cambie el plan, o haga clic derecho en el problema de la lista para registrar una excepción con un motivo.</translation>
    </message>
    <message>
        <source>Print preview — patient plan</source>
        <extracomment>Print or export refused while a blocking problem has no override; {problems} lists window.bullet lines.</extracomment>
        <translation>Vista previa de impresión — plan del paciente</translation>
    </message>
    <message>
        <source>-clinician</source>
        <extracomment>The title of the print preview.</extracomment>
        <translation>-clinico</translation>
    </message>
    <message>
        <source>Export</source>
        <extracomment>The suggested file name&apos;s ending for the clinician&apos;s page (&quot;plan-clinician.pdf&quot;).</extracomment>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>{name} on disk is unchanged: it still holds the export made before.</source>
        <extracomment>The title of the Export dialog.</extracomment>
        <translation>{name} no ha cambiado en el disco: sigue teniendo la exportación hecha antes.</translation>
    </message>
    <message>
        <source>Could not export {name}: {reason}.

{kept}</source>
        <extracomment>In window.could-not-export: the file existed before.</extracomment>
        <translation>No se pudo exportar {name}: {reason}.

{kept}</translation>
    </message>
    <message>
        <source>Exported {path} ({what})</source>
        <extracomment>Export failed; {kept} is window.export-kept or window.nothing-written.</extracomment>
        <translation>Exportado {path} ({what})</translation>
    </message>
    <message>
        <source>Emergency number</source>
        <extracomment>The title of the emergency number dialog.</extracomment>
        <translation>Número de emergencia</translation>
    </message>
    <message>
        <source>The number the patient&apos;s pages tell the patient to call for serious side effects. Leave it empty to use {default}, the usual number here.</source>
        <extracomment>The emergency number dialog: what it is for; {default} is the locale&apos;s number (911, 999, 112).</extracomment>
        <translation>El número al que las páginas del paciente le indican llamar por efectos secundarios graves. Déjelo vacío para usar {default}, el número habitual aquí.</translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <extracomment>The emergency number dialog: the label of its text box; &amp; marks its Alt letter.</extracomment>
        <translation>&amp;Número:</translation>
    </message>
    <message>
        <source>At least 2 digits, starting with a digit or +; digits, spaces, + and - only, at most 15 characters.</source>
        <extracomment>The emergency number dialog: what the number may hold.</extracomment>
        <translation>Al menos 2 dígitos, empezando por un dígito o +; solo dígitos, espacios, + y -, como máximo 15 caracteres.</translation>
    </message>
    <message>
        <source>Blocking</source>
        <translation>Bloqueante</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Advertencia</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>Remove the override</source>
        <translation>Quitar la excepción</translation>
    </message>
    <message>
        <source>Override with a reason…</source>
        <translation>Registrar una excepción con un motivo…</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>No se encontraron problemas.</translation>
    </message>
    <message>
        <source>{severity}: {problem}</source>
        <translation>{severity}: {problem}</translation>
    </message>
    <message>
        <source>Overridden by the prescriber for {value}: {reason}</source>
        <translation>Excepción registrada por el prescriptor para {value}: {reason}</translation>
    </message>
    <message>
        <source>Blocking. Ctrl+Shift+O overrides it with a reason.</source>
        <extracomment>An item of the problems list for screen readers: how to override a blocking problem from the keyboard.</extracomment>
        <translation>Bloqueante. Ctrl+Mayús+O registra una excepción con un motivo.</translation>
    </message>
    <message>
        <source>{code} — field: {field}</source>
        <translation>{code} — campo: {field}</translation>
    </message>
    <message>
        <source>for {patient}</source>
        <extracomment>In window.recovery-kept: whose plan it is.</extracomment>
        <translation>de {patient}</translation>
    </message>
    <message>
        <source>for a patient with no name entered</source>
        <translation>de un paciente sin nombre ingresado</translation>
    </message>
    <message>
        <source>from {name}</source>
        <extracomment>In window.recovery-kept: the plan&apos;s file.</extracomment>
        <translation>de {name}</translation>
    </message>
    <message>
        <source>not yet saved to a file</source>
        <extracomment>In window.recovery-kept: a plan never saved.</extracomment>
        <translation>aún no guardado en un archivo</translation>
    </message>
    <message>
        <source> It was saved automatically at {saved_at:%H:%M on %d %b %Y}.</source>
        <extracomment>In window.recovery-kept: when it was autosaved (a strftime pattern after the colon).</extracomment>
        <translation> Se guardó automáticamente a las {saved_at:%H:%M del %d/%m/%Y}.</translation>
    </message>
    <message>
        <source>Titration Planner did not close properly last time.</source>
        <extracomment>At start-up, after a crash: the question&apos;s first line.</extracomment>
        <translation>Titration Planner no se cerró bien la última vez.</translation>
    </message>
    <message>
        <source>It kept the unsaved plan {who} ({where}).{when}

Restore it now? Discard deletes it for good; Not now asks again next time.</source>
        <extracomment>After a crash: {who} is window.recovery-for-patient or window.recovery-no-name, {where} window.recovery-from-file or window.recovery-not-saved, {when} window.recovery-saved-at or empty.</extracomment>
        <translation>Guardó el plan sin guardar {who} ({where}).{when}

¿Recuperarlo ahora? Descartar lo borra para siempre; Ahora no vuelve a preguntar la próxima vez.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <extracomment>Buttons of the recovery question.</extracomment>
        <translation>&amp;Recuperar</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Descartar</translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation>&amp;Ahora no</translation>
    </message>
    <message>
        <source>An unsaved plan kept after a crash cannot be restored:</source>
        <extracomment>After a crash: a kept plan that cannot be restored (its file is damaged, or the form cannot show it).</extracomment>
        <translation>No se puede recuperar un plan sin guardar conservado tras un cierre inesperado:</translation>
    </message>
    <message>
        <source>{problem}.

The file is:
{path}

Delete it, or keep it for someone to look at? (If you keep it, you will be asked again next time.)</source>
        <extracomment>Below window.recovery-cannot-restore: {problem} says why (capitalised), {path} the file.</extracomment>
        <translation>{problem}.

El archivo es:
{path}

¿Borrarlo o conservarlo para que alguien lo revise? (Si lo conserva, se le volverá a preguntar la próxima vez.)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Borrar</translation>
    </message>
    <message>
        <source>&amp;Keep</source>
        <extracomment>Buttons of the damaged-file question.</extracomment>
        <translation>&amp;Conservar</translation>
    </message>
    <message>
        <source>the form could not take one of its plan&apos;s values ({error})</source>
        <translation>el formulario no pudo aceptar uno de los valores de su plan ({error})</translation>
    </message>
    <message>
        <source>Restored the unsaved plan. Save it to keep it.</source>
        <extracomment>Why a kept plan could not be restored: the form refused one of its values ({error} names the error&apos;s kind).</extracomment>
        <translation>Se recuperó el plan sin guardar. Guárdelo para conservarlo.</translation>
    </message>
    <message>
        <source>Schedule table</source>
        <translation>Tabla de la pauta</translation>
    </message>
    <message>
        <source>Dispense totals</source>
        <translation>Totales a dispensar</translation>
    </message>
    <message>
        <source>{count} × {product}</source>
        <extracomment>One item of the dispense totals (&quot;54 × 100 mg capsule&quot;); {product} is the capsule or tablet.</extracomment>
        <translation>{count} × {product}</translation>
    </message>
    <message>
        <source>Dispense for the whole plan: {items}</source>
        <extracomment>The dispense totals when the plan dispenses nothing.</extracomment>
        <translation>Dispensar para todo el plan: {items}</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nada</translation>
    </message>
    <message>
        <source>entered</source>
        <extracomment>Under the kidney fields, below the limit: the CrCl was entered.</extracomment>
        <translation>ingresado</translation>
    </message>
    <message>
        <source>Cockcroft-Gault estimate</source>
        <translation>estimación de Cockcroft-Gault</translation>
    </message>
    <message>
        <source>the plan is unusable</source>
        <extracomment>The first input error when the engine names none.</extracomment>
        <translation>el plan no se puede usar</translation>
    </message>
    <message>
        <source> (and {n} more)</source>
        <extracomment>After the first input error when there are more (&quot;Start dose: … (and 2 more)&quot;).</extracomment>
        <translation> (y {n} más)</translation>
    </message>
    <message>
        <source>Not up to date: {first}{more}</source>
        <extracomment>On the greyed chart while the inputs are invalid; {first} is the first error, {more} window.and-more or empty.</extracomment>
        <translation>No actualizado: {first}{more}</translation>
    </message>
    <message>
        <source>The chart and table show an earlier plan and do not match the inputs. Fix {first}{more}.</source>
        <extracomment>Above the greyed table while the inputs are invalid.</extracomment>
        <translation>El gráfico y la tabla muestran un plan anterior y no coinciden con los datos. Corrija {first}{more}.</translation>
    </message>
    <message>
        <source>{name} is no longer there: it was deleted, moved or renamed since this window opened or saved it.</source>
        <translation>{name} ya no está: se borró, se movió o se le cambió el nombre desde que esta ventana lo abrió o lo guardó.</translation>
    </message>
    <message>
        <source>{name} may have been changed by another window or program: this window has not seen the version on disk (for example, its plan was restored after a crash).</source>
        <translation>Puede que otra ventana u otro programa haya cambiado {name}: esta ventana no ha visto la versión del disco (por ejemplo, su plan se recuperó tras un cierre inesperado).</translation>
    </message>
    <message>
        <source>{name} can no longer be read, so it cannot be checked for changes made since this window opened or saved it.</source>
        <translation>Ya no se puede leer {name}, así que no se puede comprobar si cambió desde que esta ventana lo abrió o lo guardó.</translation>
    </message>
    <message>
        <source>{name} was changed by another window or program since this window opened or saved it.</source>
        <translation>Otra ventana u otro programa cambió {name} desde que esta ventana lo abrió o lo guardó.</translation>
    </message>
    <message>
        <source>&amp;Save here anyway</source>
        <translation>&amp;Guardar aquí de todos modos</translation>
    </message>
    <message>
        <source>&amp;Overwrite</source>
        <translation>&amp;Sobrescribir</translation>
    </message>
    <message>
        <source>Overwrite replaces the other version with the plan shown here: the other changes are lost. </source>
        <translation>Sobrescribir reemplaza la otra versión por el plan que se ve aquí: los otros cambios se pierden. </translation>
    </message>
    <message>
        <source>Save here anyway writes the plan shown here to that file again. </source>
        <translation>Guardar aquí de todos modos vuelve a escribir en ese archivo el plan que se ve aquí. </translation>
    </message>
    <message>
        <source>Reload opens the version on disk and drops the changes made here. </source>
        <translation>Volver a cargar abre la versión del disco y descarta los cambios hechos aquí. </translation>
    </message>
    <message>
        <source>Save As saves it under another name.</source>
        <translation>Guardar como lo guarda con otro nombre.</translation>
    </message>
    <message>
        <source>Save As keeps both.</source>
        <translation>Guardar como conserva los dos.</translation>
    </message>
    <message>
        <source>{more}{keep}

The file: {path}</source>
        <translation>{more}{keep}

El archivo: {path}</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Volver a cargar</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Guardar &amp;como…</translation>
    </message>
    <message>
        <source>Open the version of {name} on disk and drop the changes made in this window?

This cannot be undone.</source>
        <translation>¿Abrir la versión de {name} del disco y descartar los cambios hechos en esta ventana?

Esto no se puede deshacer.</translation>
    </message>
    <message>
        <source>{name} is read-only, so it was not changed.</source>
        <translation>{name} es de solo lectura, así que no se cambió.</translation>
    </message>
    <message>
        <source>Save the plan under another name instead? Or make the file writable, then save again.

The file: {path}</source>
        <translation>¿Guardar el plan con otro nombre? O permita escribir en el archivo y vuelva a guardar.

El archivo: {path}</translation>
    </message>
    <message>
        <source>Some remembered settings could not be used, so they were reset:</source>
        <translation>No se pudieron usar algunos ajustes guardados, así que se restablecieron:</translation>
    </message>
    <message>
        <source>Open from code</source>
        <extracomment>The title of File &gt; Open from Code.</extracomment>
        <translation>Abrir desde un código</translation>
    </message>
    <message>
        <source>Scan the code on the plan&apos;s clinician page with a hand scanner, paste its text, or read it from a picture of the code.</source>
        <extracomment>Open from Code: what to do; the code is the square pattern on the clinician&apos;s page.</extracomment>
        <translation>Lea el código de la página del clínico con un lector de mano, pegue su texto o tómelo de una imagen del código.</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <extracomment>Open from Code: the label of the box the scanner types into; &amp; marks its Alt letter.</extracomment>
        <translation>&amp;Código:</translation>
    </message>
    <message>
        <source>From &amp;Image…</source>
        <extracomment>Open from Code: a button that reads the code from an image file; &amp; marks its Alt letter.</extracomment>
        <translation>Desde una &amp;imagen…</translation>
    </message>
    <message>
        <source>Picture of the code</source>
        <extracomment>The title of the file dialog that picks an image of a plan&apos;s code.</extracomment>
        <translation>Imagen del código</translation>
    </message>
    <message>
        <source>Pictures ({patterns});;All files (*)</source>
        <extracomment>The file types of the picture dialog.</extracomment>
        <translation>Imágenes ({patterns});;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>{drug}, starting {start}, for {name}.</source>
        <extracomment>Open from Code, a code read: {drug} is the drug (Gabapentin), {start} the first day, {name} the patient.</extracomment>
        <translation>{drug}, desde el {start}, para {name}.</translation>
    </message>
    <message>
        <source>{drug}, starting {start}. The code holds no patient name: add it before you print.</source>
        <extracomment>Open from Code, a code read that holds no patient name.</extracomment>
        <translation>{drug}, desde el {start}. El código no lleva el nombre del paciente: añádalo antes de imprimir.</translation>
    </message>
</context>
</TS>
